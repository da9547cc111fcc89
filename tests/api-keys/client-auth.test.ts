import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeActor } from '@/components/audit/describe-event';
import { apiKeys, auditEvents, organizationProfiles, organizations, roleLinks, users } from '@/db/schema';
import { DAY, MINUTE } from '@/server/core/clock';
import { issueTestKey, keyHeaders } from '../helpers/api-keys';
import { callerAs } from '../helpers/callers';
import { expectProblem, startTestServer } from '../helpers/http';
import { addMember, createTenant } from '../helpers/organizations';
import { createUser, signedIn, testRuntime } from '../helpers/runtime';

const rt = testRuntime();
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer(rt);
});
afterAll(async () => {
  await server.close();
});

type Key = { clientId: string; clientKey: string };
const getProfile = (key: Key, profileId: string) =>
  server.request('POST', '/organization-profiles/get', { body: { profileId }, headers: keyHeaders(key) });

const keyRow = async (id: string) => (await rt.db.select().from(apiKeys).where(eq(apiKeys.id, id)))[0]!;

/** The 401 every refused credential gets: same code, same words, nothing about why. */
async function expectSameRefusal(res: Awaited<ReturnType<typeof getProfile>>) {
  expectProblem(res, 401, 'INVALID_CLIENT_CREDENTIALS');
  const { requestId, ...rest } = res.body;
  return rest;
}

describe('a request with client-id and client-key', () => {
  it('acts for its profile with its scopes; another profile looks missing', async () => {
    const a = await createTenant(rt);
    const b = await createTenant(rt);
    const key = await issueTestKey(rt, a.admin.id, a.profile.id, { scopes: ['profiles:read'] });
    const own = await getProfile(key, a.profile.id);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ _id: a.profile.id, name: a.profile.name });
    expectProblem(await getProfile(key, b.profile.id), 404, 'PROFILE_NOT_FOUND');
  });

  it('needs the scope: a key without profiles:read is 403', async () => {
    const a = await createTenant(rt);
    const key = await issueTestKey(rt, a.admin.id, a.profile.id, { scopes: ['flags:read'] });
    expectProblem(await getProfile(key, a.profile.id), 403, 'FORBIDDEN');
  });

  it('cannot reach user-only routes: a key never makes keys', async () => {
    const a = await createTenant(rt);
    const key = await issueTestKey(rt, a.admin.id, a.profile.id);
    const res = await server.request('POST', '/api-keys/create', {
      body: { profileId: a.profile.id },
      headers: keyHeaders(key),
    });
    expectProblem(res, 401, 'UNAUTHENTICATED');
    expect(await rt.db.select().from(apiKeys).where(eq(apiKeys.profileId, a.profile.id))).toHaveLength(1);
  });

  it('refuses an unknown id, a wrong key and a missing key with one identical 401', async () => {
    const a = await createTenant(rt);
    const key = await issueTestKey(rt, a.admin.id, a.profile.id);
    const wrong = await expectSameRefusal(
      await getProfile({ ...key, clientKey: `${key.clientKey}x` }, a.profile.id),
    );
    const unknown = await expectSameRefusal(
      await getProfile({ ...key, clientId: `${key.clientId}x` }, a.profile.id),
    );
    const missing = await expectSameRefusal(
      await server.request('POST', '/organization-profiles/get', {
        body: { profileId: a.profile.id },
        headers: { 'client-id': key.clientId },
      }),
    );
    expect(unknown).toEqual(wrong);
    expect(missing).toEqual(wrong);
  });

  it('refuses a revoked key from its next request on', async () => {
    const a = await createTenant(rt);
    const key = await issueTestKey(rt, a.admin.id, a.profile.id);
    expect((await getProfile(key, a.profile.id)).status).toBe(200);
    await callerAs(rt, a.adminCtx).apiKeys.revoke({ profileId: a.profile.id, _id: key.keyId });
    await expectSameRefusal(await getProfile(key, a.profile.id));
  });

  it('after a rotation the old key is dead at once and the new one works', async () => {
    const a = await createTenant(rt);
    const key = await issueTestKey(rt, a.admin.id, a.profile.id);
    const rotated = await callerAs(rt, a.adminCtx).apiKeys.rotate({
      profileId: a.profile.id,
      _id: key.keyId,
    });
    await expectSameRefusal(await getProfile(key, a.profile.id));
    expect((await getProfile(rotated, a.profile.id)).status).toBe(200);
  });

  it('refuses an expired key', async () => {
    const a = await createTenant(rt);
    const expiresAt = new Date(rt.clock.now().getTime() + DAY).toISOString();
    const key = await issueTestKey(rt, a.admin.id, a.profile.id, { expiresAt });
    expect((await getProfile(key, a.profile.id)).status).toBe(200);
    rt.clock.advance(DAY);
    await expectSameRefusal(await getProfile(key, a.profile.id));
  });

  it('refuses a key of an archived profile or an archived organization', async () => {
    const a = await createTenant(rt);
    const b = await createTenant(rt);
    const aKey = await issueTestKey(rt, a.admin.id, a.profile.id);
    const bKey = await issueTestKey(rt, b.admin.id, b.profile.id);
    await rt.db
      .update(organizationProfiles)
      .set({ status: 'archive' })
      .where(eq(organizationProfiles.id, a.profile.id));
    await rt.db
      .update(organizations)
      .set({ status: 'archive' })
      .where(eq(organizations.id, b.organization.id));
    await expectSameRefusal(await getProfile(aKey, a.profile.id));
    await expectSameRefusal(await getProfile(bKey, b.profile.id));
  });

  it('refuses with 403 API_KEY_CREATOR_LACKS_PERMISSION once its creator lost the permission, and audits it', async () => {
    const a = await createTenant(rt);
    const key = await issueTestKey(rt, a.admin.id, a.profile.id, { scopes: ['profiles:read'] });
    await rt.db.delete(roleLinks).where(eq(roleLinks.userId, a.admin.id));
    const res = await getProfile(key, a.profile.id);
    expectProblem(res, 403, 'API_KEY_CREATOR_LACKS_PERMISSION');
    const refused = await rt.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'key.refused'), eq(auditEvents.actorKeyId, key.keyId)));
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({
      actorUserId: a.admin.id,
      organizationId: a.organization.id,
      requestId: res.headers.get('x-request-id'),
      data: { clientId: key.clientId, permission: 'profiles.read' },
    });
    // the organization's activity log names the key, not only its creator
    const auditor = await createUser(rt);
    await addMember(rt, a.organization.id, auditor.id, ['default.organization.admin']);
    const log = await callerAs(rt, await signedIn(rt, auditor.id)).audit.list({
      organizationId: a.organization.id,
      action: 'key.refused',
    });
    expect(log.items).toHaveLength(1);
    expect(log.items[0]!.actorKey).toEqual({ _id: key.keyId, name: 'API key', clientId: key.clientId });
    expect(describeActor(log.items[0]!)).toBe(`API key API key (${key.clientId})`);
  });

  it('refuses with 403 API_KEY_CREATOR_LACKS_PERMISSION while its creator is disabled, and works again once re-enabled', async () => {
    const a = await createTenant(rt);
    const key = await issueTestKey(rt, a.admin.id, a.profile.id, { scopes: ['profiles:read'] });
    expect((await getProfile(key, a.profile.id)).status).toBe(200);
    await rt.db.update(users).set({ status: 'disabled' }).where(eq(users.id, a.admin.id));
    const res = await getProfile(key, a.profile.id);
    expectProblem(res, 403, 'API_KEY_CREATOR_LACKS_PERMISSION');
    expect(res.body.detail).toMatch(/disabled/);
    const refused = await rt.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'key.refused'), eq(auditEvents.actorKeyId, key.keyId)));
    expect(refused).toHaveLength(1);
    await rt.db.update(users).set({ status: 'active' }).where(eq(users.id, a.admin.id));
    expect((await getProfile(key, a.profile.id)).status).toBe(200);
  });

  it('an admin-scoped key works for #38 only while its creator is a platform admin', async () => {
    const a = await createTenant(rt);
    const staff = await createUser(rt, { platformRoles: ['platform.admin'] });
    const key = await issueTestKey(rt, staff.id, a.profile.id, { scopes: ['admin'] });
    const create = (name: string) =>
      server.request('POST', '/admin/organization-profiles/create', {
        headers: keyHeaders(key),
        body: {
          name,
          organizationId: a.organization.id,
          taxId: '800162034',
          duns: '831003012',
          participantTypes: ['producer'],
          participantTags: [{ tag: 'nat_gas_producer' }],
        },
      });
    expect((await create('By key')).status).toBe(201);
    await rt.db.delete(roleLinks).where(eq(roleLinks.userId, staff.id));
    expectProblem(await create('After demotion'), 403, 'API_KEY_CREATOR_LACKS_PERMISSION');
    const names = (
      await rt.db
        .select()
        .from(organizationProfiles)
        .where(eq(organizationProfiles.organizationId, a.organization.id))
    ).map((p) => p.name);
    expect(names).toContain('By key');
    expect(names).not.toContain('After demotion');
  });

  it('a key without the admin scope cannot reach any admin row', async () => {
    const a = await createTenant(rt);
    const staff = await createUser(rt, { platformRoles: ['platform.admin'] });
    const key = await issueTestKey(rt, staff.id, a.profile.id, { scopes: ['profiles:write'] });
    const res = await server.request('POST', '/admin/organization-profiles/create', {
      headers: keyHeaders(key),
      body: {
        name: 'No',
        organizationId: a.organization.id,
        taxId: '800162034',
        duns: '831003012',
        participantTypes: ['producer'],
        participantTags: [],
      },
    });
    expectProblem(res, 403, 'FORBIDDEN');
    // and no admin-scoped key reaches a user-only admin row
    const adminKey = await issueTestKey(rt, staff.id, a.profile.id, { scopes: ['admin'] });
    const list = await server.request('POST', '/admin/organizations/list', {
      body: {},
      headers: keyHeaders(adminKey),
    });
    expectProblem(list, 401, 'UNAUTHENTICATED');
  });

  it('records lastUsedAt at most once a minute', async () => {
    const a = await createTenant(rt);
    const key = await issueTestKey(rt, a.admin.id, a.profile.id);
    const first = rt.clock.now();
    await getProfile(key, a.profile.id);
    expect((await keyRow(key.keyId)).lastUsedAt).toEqual(first);
    rt.clock.advance(MINUTE - 1000);
    await getProfile(key, a.profile.id);
    expect((await keyRow(key.keyId)).lastUsedAt).toEqual(first);
    rt.clock.advance(1000);
    await getProfile(key, a.profile.id);
    expect((await keyRow(key.keyId)).lastUsedAt).toEqual(rt.clock.now());
    const listed = await callerAs(rt, await signedIn(rt, a.admin.id)).apiKeys.list({
      profileId: a.profile.id,
    });
    expect(listed.items[0]!.lastUsedAt).toBe(rt.clock.now().toISOString());
  });
});
