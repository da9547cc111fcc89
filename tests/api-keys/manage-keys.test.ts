import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { apiKeys, auditEvents } from '@/db/schema';
import { DAY } from '@/server/core/clock';
import { sha256 } from '@/server/core/crypto';
import { CLIENT_ID_PREFIX } from '@/server/modules/api-keys/catalog';
import { clientKeyMatches } from '@/server/modules/api-keys/services/key-secrets';
import { issueTestKey } from '../helpers/api-keys';
import { callerAs } from '../helpers/callers';
import { addMember, createTenant, grantProfileRole } from '../helpers/organizations';
import { expectRefused } from '../helpers/refusals';
import { createUser, signedIn, testRuntime } from '../helpers/runtime';

const rt = testRuntime();

const keyRow = async (id: string) => (await rt.db.select().from(apiKeys).where(eq(apiKeys.id, id)))[0]!;
const eventsOf = (keyId: string) => rt.db.select().from(auditEvents).where(eq(auditEvents.targetId, keyId));

describe('apiKeys.create (#13)', () => {
  it('answers the client key once and stores only its SHA-256', async () => {
    const t = await createTenant(rt);
    const created = await callerAs(rt, t.adminCtx).apiKeys.create({ profileId: t.profile.id, name: 'ERP' });
    expect(created).toMatchObject({ profileId: t.profile.id, name: 'ERP', expiresAt: null });
    expect(created.clientId.startsWith(CLIENT_ID_PREFIX)).toBe(true);
    // 32 random bytes in base64url
    expect(created.clientKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await keyRow(created._id);
    expect(row.keyHash).toBe(sha256(created.clientKey));
    expect(JSON.stringify(row)).not.toContain(created.clientKey);
    const listed = await callerAs(rt, t.adminCtx).apiKeys.list({ profileId: t.profile.id });
    expect(JSON.stringify(listed)).not.toContain(created.clientKey);
    expect(JSON.stringify(listed)).not.toContain(row.keyHash);
    expect(listed.items[0]).toMatchObject({ _id: created._id, lastUsedAt: null, revokedAt: null });
  });

  it('names a key "API key" when no name is given, and gives the creator\'s non-admin scopes', async () => {
    const t = await createTenant(rt);
    const created = await callerAs(rt, t.adminCtx).apiKeys.create({ profileId: t.profile.id });
    expect(created.name).toBe('API key');
    expect([...created.scopes].sort()).toEqual(
      [
        'flags:read',
        'locations:read',
        'locations:write',
        'profiles:read',
        'profiles:write',
        'reports:read',
      ].sort(),
    );
  });

  it('stores the scopes limited to what the creator holds on the profile', async () => {
    const t = await createTenant(rt);
    const producer = await createUser(rt);
    await addMember(rt, t.organization.id, producer.id, []);
    await grantProfileRole(rt, t.profile.id, producer.id, 'sox.producer.admin');
    // sox.producer.admin holds api_keys.write but not profiles.write
    const key = await issueTestKey(rt, producer.id, t.profile.id, { scopes: ['profiles:write'] });
    const row = await keyRow(key.keyId);
    expect(row.scopes).toEqual(['profiles:write']);
    expect(row.permissions).toEqual(['profiles.read']);
    // and without scopes it gets only those it fully holds (not profiles:write)
    const byDefault = await issueTestKey(rt, producer.id, t.profile.id);
    expect(byDefault.created.scopes).not.toContain('profiles:write');
    expect(byDefault.created.scopes).toContain('locations:write');
  });

  it('grants the admin scope only to a platform admin, on any profile', async () => {
    const t = await createTenant(rt);
    await expectRefused(
      callerAs(rt, t.adminCtx).apiKeys.create({ profileId: t.profile.id, scopes: ['admin'] }),
      'API_KEY_ADMIN_SCOPE_FORBIDDEN',
      403,
    );
    expect(await rt.db.select().from(apiKeys).where(eq(apiKeys.profileId, t.profile.id))).toEqual([]);
    const staff = await createUser(rt, { platformRoles: ['platform.admin'] });
    const key = await issueTestKey(rt, staff.id, t.profile.id, { scopes: ['admin', 'profiles:read'] });
    expect((await keyRow(key.keyId)).permissions.sort()).toEqual([
      'admin.read',
      'admin.write',
      'profiles.read',
    ]);
    // a platform admin's default scopes never include admin
    const plain = await issueTestKey(rt, staff.id, t.profile.id);
    expect(plain.created.scopes).not.toContain('admin');
  });

  it('refuses an expiry in the past (422) and an unknown scope (400)', async () => {
    const t = await createTenant(rt);
    const past = new Date(rt.clock.now().getTime() - 1000).toISOString();
    const refusal = await expectRefused(
      callerAs(rt, t.adminCtx).apiKeys.create({ profileId: t.profile.id, expiresAt: past }),
      'API_KEY_EXPIRY_IN_PAST',
      422,
    );
    expect(refusal.errors).toEqual([{ path: 'expiresAt', message: 'must be in the future' }]);
    await expectRefused(
      callerAs(rt, t.adminCtx).apiKeys.create({
        profileId: t.profile.id,
        scopes: ['everything' as 'admin'],
      }),
      'VALIDATION_FAILED',
    );
    expect(await rt.db.select().from(apiKeys).where(eq(apiKeys.profileId, t.profile.id))).toEqual([]);
  });

  it('needs api_keys.write: a plain member is refused, another tenant sees a missing profile', async () => {
    const t = await createTenant(rt);
    const other = await createTenant(rt);
    await expectRefused(
      callerAs(rt, t.memberCtx).apiKeys.create({ profileId: t.profile.id }),
      'FORBIDDEN',
      403,
    );
    await expectRefused(
      callerAs(rt, other.adminCtx).apiKeys.create({ profileId: t.profile.id }),
      'PROFILE_NOT_FOUND',
      404,
    );
    await expectRefused(
      callerAs(rt, other.adminCtx).apiKeys.list({ profileId: t.profile.id }),
      'PROFILE_NOT_FOUND',
      404,
    );
  });

  it('audits key.created naming the key, never its secret', async () => {
    const t = await createTenant(rt);
    const created = await callerAs(rt, t.adminCtx).apiKeys.create({
      profileId: t.profile.id,
      name: 'Audited',
    });
    const [event] = await eventsOf(created._id);
    expect(event).toMatchObject({
      action: 'key.created',
      actorUserId: t.admin.id,
      organizationId: t.organization.id,
      targetType: 'api_key',
      data: { name: 'Audited', clientId: created.clientId },
    });
    expect(JSON.stringify(event)).not.toContain(created.clientKey);
  });
});

describe('apiKeys.list (#14)', () => {
  it('shows the creator, scopes and dates of every key of the profile, newest first', async () => {
    const t = await createTenant(rt);
    const first = await issueTestKey(rt, t.adminCtx, t.profile.id, { name: 'First' });
    rt.clock.advance(1000);
    const expiresAt = new Date(rt.clock.now().getTime() + 30 * DAY).toISOString();
    const second = await issueTestKey(rt, t.adminCtx, t.profile.id, { name: 'Second', expiresAt });
    const { items } = await callerAs(rt, t.adminCtx).apiKeys.list({ profileId: t.profile.id });
    expect(items.map((k) => k._id)).toEqual([second.keyId, first.keyId]);
    expect(items[0]).toMatchObject({
      name: 'Second',
      expiresAt,
      createdBy: { _id: t.admin.id, email: t.admin.email },
    });
    expect(items[0]).not.toHaveProperty('clientKey');
    expect(items[0]).not.toHaveProperty('keyHash');
  });
});

describe('apiKeys.revoke and apiKeys.rotate (#14)', () => {
  it('revokes once (idempotent: the same answer, one event)', async () => {
    const t = await createTenant(rt);
    const key = await issueTestKey(rt, t.adminCtx, t.profile.id);
    const caller = callerAs(rt, t.adminCtx);
    const revoked = await caller.apiKeys.revoke({ profileId: t.profile.id, _id: key.keyId });
    expect(revoked.revokedAt).toBe(rt.clock.now().toISOString());
    rt.clock.advance(5000);
    const again = await caller.apiKeys.revoke({ profileId: t.profile.id, _id: key.keyId });
    expect(again.revokedAt).toBe(revoked.revokedAt);
    const events = await eventsOf(key.keyId);
    expect(events.filter((e) => e.action === 'key.revoked')).toHaveLength(1);
  });

  it('rotates: a new client key, same client id, the old hash gone; a revoked key cannot be rotated', async () => {
    const t = await createTenant(rt);
    const key = await issueTestKey(rt, t.adminCtx, t.profile.id);
    const rotated = await callerAs(rt, t.adminCtx).apiKeys.rotate({
      profileId: t.profile.id,
      _id: key.keyId,
    });
    expect(rotated.clientId).toBe(key.clientId);
    expect(rotated.clientKey).not.toBe(key.clientKey);
    const row = await keyRow(key.keyId);
    expect(clientKeyMatches(rotated.clientKey, row.keyHash)).toBe(true);
    expect(clientKeyMatches(key.clientKey, row.keyHash)).toBe(false);
    expect(row.rotatedAt).not.toBeNull();
    expect((await eventsOf(key.keyId)).map((e) => e.action)).toContain('key.rotated');
    await callerAs(rt, t.adminCtx).apiKeys.revoke({ profileId: t.profile.id, _id: key.keyId });
    await expectRefused(
      callerAs(rt, t.adminCtx).apiKeys.rotate({ profileId: t.profile.id, _id: key.keyId }),
      'API_KEY_REVOKED',
      409,
    );
  });

  it('only a platform admin rotates an admin-scoped key (the rotator sees its secret)', async () => {
    const t = await createTenant(rt);
    const staff = await createUser(rt, { platformRoles: ['platform.admin'] });
    const key = await issueTestKey(rt, staff.id, t.profile.id, { scopes: ['admin'] });
    await expectRefused(
      callerAs(rt, t.adminCtx).apiKeys.rotate({ profileId: t.profile.id, _id: key.keyId }),
      'API_KEY_ADMIN_SCOPE_FORBIDDEN',
      403,
    );
    expect(clientKeyMatches(key.clientKey, (await keyRow(key.keyId)).keyHash)).toBe(true);
    const staffCaller = callerAs(rt, await signedIn(rt, staff.id));
    await expect(
      staffCaller.apiKeys.rotate({ profileId: t.profile.id, _id: key.keyId }),
    ).resolves.toBeDefined();
  });

  it('a key of another profile looks missing (404 API_KEY_NOT_FOUND), even in the same organization', async () => {
    const t = await createTenant(rt);
    const other = await createTenant(rt);
    const foreign = await issueTestKey(rt, other.adminCtx, other.profile.id);
    const caller = callerAs(rt, t.adminCtx);
    for (const call of [caller.apiKeys.revoke, caller.apiKeys.rotate])
      await expectRefused(call({ profileId: t.profile.id, _id: foreign.keyId }), 'API_KEY_NOT_FOUND', 404);
    expect((await keyRow(foreign.keyId)).revokedAt).toBeNull();
    expect(clientKeyMatches(foreign.clientKey, (await keyRow(foreign.keyId)).keyHash)).toBe(true);
  });
});

describe('admin.apiKeys', () => {
  it("lists and revokes any profile's keys for platform staff, and nobody else", async () => {
    const t = await createTenant(rt);
    const staff = await createUser(rt, { platformRoles: ['platform.admin'] });
    const support = await createUser(rt, { platformRoles: ['platform.support'] });
    const adminKey = await issueTestKey(rt, staff.id, t.profile.id, { scopes: ['admin'] });
    const admin = callerAs(rt, await signedIn(rt, staff.id));
    const { items } = await admin.admin.apiKeys.list({ profileId: t.profile.id });
    expect(items.map((k) => k._id)).toEqual([adminKey.keyId]);
    expect(items[0]!.scopes).toEqual(['admin']);
    const supportCaller = callerAs(rt, await signedIn(rt, support.id));
    await expect(supportCaller.admin.apiKeys.list({ profileId: t.profile.id })).resolves.toBeDefined();
    await expectRefused(
      supportCaller.admin.apiKeys.revoke({ profileId: t.profile.id, _id: adminKey.keyId }),
      'FORBIDDEN',
      403,
    );
    await expectRefused(
      callerAs(rt, t.adminCtx).admin.apiKeys.list({ profileId: t.profile.id }),
      'FORBIDDEN',
      403,
    );
    const revoked = await admin.admin.apiKeys.revoke({ profileId: t.profile.id, _id: adminKey.keyId });
    expect(revoked.revokedAt).not.toBeNull();
  });
});
