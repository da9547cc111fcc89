import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueJobs } from '@/server/jobs/run-due-jobs';
import { sessionCookieName } from '@/server/modules/auth/browser-session';
import { startSession } from '@/server/modules/auth/services/start-session';
import { signAccessToken } from '@/server/modules/auth/tokens';
import {
  locationExportDownloadPath,
  locationImportErrorsPath,
  locationImportUploadPath,
} from '@/server/modules/locations/bulk/schemas';
import { MAX_CSV_BYTES } from '@/server/modules/locations/schemas';
import { expectProblem, startTestServer } from '../helpers/http';
import { createTenant } from '../helpers/organizations';
import { contextOf, testRuntime } from '../helpers/runtime';
import { csvOf, locationCount, rowOf } from './bulk-support';

const rt = testRuntime();
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer(rt);
});
afterAll(async () => {
  await server.close();
});

/** A tenant whose admin holds a bearer token (REST) and a browser cookie (the file routes). */
async function tenant() {
  const t = await createTenant(rt);
  const api = await startSession(rt.db, contextOf(rt), {
    userId: t.admin.id,
    restricted: false,
    channel: 'api',
  });
  const { token } = await signAccessToken(rt.keys, { sid: api.id, restricted: false }, rt.clock.now());
  const browser = await startSession(rt.db, contextOf(rt), {
    userId: t.admin.id,
    restricted: false,
    channel: 'browser',
  });
  const jwt = await encode({ token: { sid: browser.id }, secret: rt.keys.nextAuth });
  return { ...t, token, cookie: `${sessionCookieName(rt.config.appUrl)}=${jwt}` };
}

const csvPost = (path: string, body: string, headers: Record<string, string>) =>
  server.request('POST', path, { raw: body, headers: { 'content-type': 'text/csv', ...headers } });

/** The browser's file routes sit beside /api/v1 (server.request prefixes /api/v1). */
const browser = (path: string, init: RequestInit = {}) => fetch(`${server.url}${path}`, init);

describe('REST #49 over HTTP', () => {
  it('imports a text/csv body (?profileId=) with 200 {imported}, and exports text/csv as a file', async () => {
    const t = await tenant();
    const res = await csvPost(`/business-locations/import?profileId=${t.profile.id}`, csvOf([rowOf()]), {
      authorization: `Bearer ${t.token}`,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ imported: 1 });

    const exported = await server.request('POST', '/business-locations/export', {
      token: t.token,
      body: { profileId: t.profile.id, status: 'active' },
    });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(exported.headers.get('content-disposition')).toMatch(/^attachment; filename="locations-/);
    expect(exported.text.split('\r\n')[1]).toBe(`${rowOf()},,`);
  });

  it('answers 400 with every bad row {line, path, message} as problem details, importing nothing', async () => {
    const t = await tenant();
    const res = await csvPost(
      `/business-locations/import?profileId=${t.profile.id}`,
      csvOf([rowOf({ name: 'A', type: 'x' }), rowOf({ name: 'B' }), rowOf({ name: 'C', country: 'ZZ' })]),
      { authorization: `Bearer ${t.token}` },
    );
    expectProblem(res, 400, 'CSV_ROWS_INVALID');
    expect(res.body.errors).toMatchObject([
      { line: 2, path: 'type' },
      { line: 4, path: 'country' },
    ]);
    expect(await locationCount(rt, t.profile.id)).toBe(0);
  });

  it('answers 413 beyond 20 MiB, 415 for a JSON body, and 400 for a missing profileId', async () => {
    const t = await tenant();
    const auth = { authorization: `Bearer ${t.token}` };
    const big = await csvPost(
      `/business-locations/import?profileId=${t.profile.id}`,
      'x'.repeat(MAX_CSV_BYTES + 1),
      auth,
    );
    expectProblem(big, 413, 'PAYLOAD_TOO_LARGE');
    const json = await server.request('POST', `/business-locations/import?profileId=${t.profile.id}`, {
      token: t.token,
      body: { csv: 'name' },
    });
    expectProblem(json, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const noProfile = await csvPost('/business-locations/import', csvOf([rowOf()]), auth);
    expectProblem(noProfile, 400, 'VALIDATION_FAILED');
  });
});

describe("the browser's location files (session cookie)", () => {
  it('uploads a file as a job (201 {importId}), then downloads the export and the errors of a failed import', async () => {
    const t = await tenant();
    const upload = await browser(locationImportUploadPath(t.profile.id), {
      method: 'POST',
      headers: { 'content-type': 'text/csv', cookie: t.cookie, origin: rt.config.appUrl },
      body: csvOf([rowOf({ name: 'Uploaded' })]),
    });
    expect(upload.status).toBe(201);
    const { importId } = (await upload.json()) as { importId: string };
    await runDueJobs(rt);
    expect(await locationCount(rt, t.profile.id)).toBe(1);

    const exported = await browser(locationExportDownloadPath({ profileId: t.profile.id, q: 'upload' }), {
      headers: { cookie: t.cookie },
    });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toMatch(/^attachment; filename="locations-/);
    expect((await exported.text()).split('\r\n')[1]).toMatch(/^Uploaded,buying,/);

    const bad = await browser(locationImportUploadPath(t.profile.id), {
      method: 'POST',
      headers: { 'content-type': 'text/csv; charset=utf-8', cookie: t.cookie },
      body: csvOf([rowOf({ name: 'Uploaded' })]),
    });
    const failed = ((await bad.json()) as { importId: string }).importId;
    await runDueJobs(rt);
    const errors = await browser(locationImportErrorsPath(t.profile.id, failed), {
      headers: { cookie: t.cookie },
    });
    expect(errors.status).toBe(200);
    expect(await errors.text()).toBe(
      'line,path,message\r\n2,name,is already the name of a location of this profile\r\n',
    );
    expect(importId).not.toBe(failed);
  });

  it('refuses another site, no session, a foreign profile, a wrong type and more than 20 MiB', async () => {
    const t = await tenant();
    const other = await tenant();
    const post = (
      headers: Record<string, string>,
      body: string = csvOf([rowOf()]),
      profileId = t.profile.id,
    ) =>
      browser(locationImportUploadPath(profileId), { method: 'POST', headers, body }).then(async (res) => ({
        status: res.status,
        headers: res.headers,
        body: (await res.json()) as Record<string, unknown>,
      }));
    const csv = { 'content-type': 'text/csv' };
    expectProblem(await post({ ...csv, cookie: t.cookie, origin: 'https://evil.example' }), 403, 'FORBIDDEN');
    expectProblem(await post(csv), 401, 'UNAUTHENTICATED');
    expectProblem(await post({ ...csv, cookie: other.cookie }), 404, 'PROFILE_NOT_FOUND');
    expectProblem(
      await post({ 'content-type': 'text/plain', cookie: t.cookie }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expectProblem(
      await post({ ...csv, cookie: t.cookie }, 'x'.repeat(MAX_CSV_BYTES + 1)),
      413,
      'PAYLOAD_TOO_LARGE',
    );
    const foreignExport = await browser(locationExportDownloadPath({ profileId: t.profile.id }), {
      headers: { cookie: other.cookie },
    });
    expect(foreignExport.status).toBe(404);
    expect(await locationCount(rt, t.profile.id)).toBe(0);
  });
});
