import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueTestKey, keyHeaders } from '../helpers/api-keys';
import { sendSeed, startTestServer } from '../helpers/http';
import { createTenant } from '../helpers/organizations';
import { createUser, STRONG_PASSWORD, testRuntime } from '../helpers/runtime';
import { retirementData } from '../reports/sample-data';
import { pdfText } from '../reports/support';
import { seedReports } from './seed-admin-bodies';

/** #44 over REST: the seed's two report bodies verbatim, then a real render, its download and its verification. */
let server: Awaited<ReturnType<typeof startTestServer>>;
let adminToken: string;
let tenantToken: string;
let foreignToken: string;
let tenant: Awaited<ReturnType<typeof createTenant>>;

const rt = testRuntime();
beforeAll(async () => {
  server = await startTestServer(rt);
  const admin = await createUser(rt, { platformRoles: ['platform.admin'] });
  tenant = await createTenant(rt);
  const other = await createTenant(rt);
  const login = async (email: string) =>
    (
      await server.request<{ accessToken: string }>('POST', '/auth/login', {
        body: { email, secret: STRONG_PASSWORD },
      })
    ).body.accessToken;
  adminToken = await login(admin.email);
  tenantToken = await login(tenant.admin.email);
  foreignToken = await login(other.admin.email);
});
afterAll(async () => {
  await server.close();
});

const download = (id: string, headers: Record<string, string>) =>
  fetch(`${server.url}/api/v1/reports/${id}/pdf`, { headers });

describe('seed: #44 render a report', () => {
  it('answers {"template":"retirement","data":{}} with 400 VALIDATION_FAILED listing every missing field', async () => {
    const res = await sendSeed(
      server,
      '/admin/reports/render',
      seedReports.renderEmpty,
      {},
      { token: adminToken },
    );
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    const paths = (res.body.errors as { path: string; message: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(
      [
        'data.beneficiary',
        'data.items',
        'data.profileId',
        'data.purpose',
        'data.reportingPeriod',
        'data.retiringOrganization',
      ].sort(),
    );
  });

  it('answers "retirement1" with 404 TEMPLATE_NOT_FOUND naming the known templates', async () => {
    const res = await sendSeed(
      server,
      '/admin/reports/render',
      seedReports.renderUnknown,
      {},
      { token: adminToken },
    );
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'TEMPLATE_NOT_FOUND' });
    expect(res.body.detail).toContain('retirement, locations');
  });

  it('refuses a tenant admin (403) and lists the templates for staff (GET /admin/reports/templates)', async () => {
    const refused = await sendSeed(
      server,
      '/admin/reports/render',
      seedReports.renderEmpty,
      {},
      { token: tenantToken },
    );
    expect(refused.status).toBe(403);
    const templates = await server.request<{ items: { name: string; jsonSchema: unknown }[] }>(
      'GET',
      '/admin/reports/templates',
      {
        token: adminToken,
      },
    );
    expect(templates.status).toBe(200);
    expect(templates.body.items.map((t) => t.name)).toEqual(['retirement', 'locations']);
  });

  it('renders (201), downloads as application/pdf for the admin, the profile and its key, 404 for others, and verifies', async () => {
    const res = await server.request<{
      _id: string;
      downloadUrl: string;
      verificationHash: string;
      pdfSha256: string;
      statementNumber: string;
    }>('POST', '/admin/reports/render', {
      token: adminToken,
      body: { template: 'retirement', data: retirementData(tenant.profile.id, 20, 5) },
    });
    expect(res.status).toBe(201);
    expect(res.body.downloadUrl).toBe(`/api/v1/reports/${res.body._id}/pdf`);
    const asAdmin = await download(res.body._id, { authorization: `Bearer ${adminToken}` });
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.headers.get('content-type')).toMatch(/^application\/pdf/);
    const bytes = new Uint8Array(await asAdmin.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(res.body.pdfSha256);
    expect(pdfText(bytes)).toContain(res.body.statementNumber);
    expect((await download(res.body._id, { authorization: `Bearer ${tenantToken}` })).status).toBe(200);
    const key = await issueTestKey(rt, tenant.admin.id, tenant.profile.id, { scopes: ['reports:read'] });
    expect((await download(res.body._id, keyHeaders(key))).status).toBe(200);
    const noScope = await issueTestKey(rt, tenant.admin.id, tenant.profile.id, {
      scopes: ['locations:read'],
    });
    expect((await download(res.body._id, keyHeaders(noScope))).status).toBe(403);
    const foreign = await download(res.body._id, { authorization: `Bearer ${foreignToken}` });
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toMatchObject({ code: 'REPORT_NOT_FOUND' });
    expect((await download(res.body._id, {})).status).toBe(401);
    const verified = await server.request('GET', `/verify/${res.body.verificationHash}`);
    expect(verified).toMatchObject({ status: 200, body: { hash: res.body.verificationHash, valid: true } });
    const unknown = await server.request('GET', `/verify/${'0'.repeat(64)}`);
    expect(unknown.body).toEqual({ hash: '0'.repeat(64), valid: false });
    const voided = await server.request('POST', '/admin/reports/void', {
      token: adminToken,
      body: { _id: res.body._id, reason: 'Wrong beneficiary' },
    });
    expect(voided.status).toBe(200);
    expect((await server.request('GET', `/verify/${res.body.verificationHash}`)).body).toMatchObject({
      valid: false,
    });
    const twice = await server.request('POST', '/admin/reports/void', {
      token: adminToken,
      body: { _id: res.body._id, reason: 'Again' },
    });
    expect(twice).toMatchObject({ status: 409, body: { code: 'REPORT_ALREADY_VOID' } });
  });
});
