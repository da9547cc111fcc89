import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, profileFlags } from '@/db/schema';
import type { Permission } from '@/server/core/access/catalog';
import { callerAs } from '../helpers/callers';
import { addMember, createProfileRow, createTenant, grantProfileRole } from '../helpers/organizations';
import { expectRefused } from '../helpers/refusals';
import { createUser, signedIn, testRuntime } from '../helpers/runtime';
import { apiKeyOf } from '../isolation/fixtures';

/** #15 and flags.get: who may set and read a profile's flags, and what a change records. */
const rt = testRuntime();

const flagRows = async (profileId: string) =>
  (
    await rt.db
      .select({ flag: profileFlags.flag, value: profileFlags.value })
      .from(profileFlags)
      .where(eq(profileFlags.profileId, profileId))
  ).sort((a, b) => a.flag.localeCompare(b.flag));

const flagEvents = (profileId: string) =>
  rt.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'flags.changed'), eq(auditEvents.targetId, profileId)));

/** A key of the tenant's profile holding exactly these permissions (as its scopes grant them). */
const keyOf = (tenant: Awaited<ReturnType<typeof createTenant>>, scopes: Permission[]) => ({
  ...apiKeyOf(tenant.organization.id, tenant.profile.id, tenant.admin.id, randomUUID()),
  scopes,
});

describe('flags.set (#15)', () => {
  it('sets true and false, removes with null, and answers the flags that are set', async () => {
    const tenant = await createTenant(rt);
    const admin = callerAs(rt, tenant.adminCtx);
    const first = await admin.flags.set({
      profileId: tenant.profile.id,
      flags: [
        { flag: 'GHGP', value: true },
        { flag: 'BOOK_AND_CLAIM', value: false },
      ],
    });
    expect(first).toEqual({ profileId: tenant.profile.id, flags: { GHGP: true, BOOK_AND_CLAIM: false } });
    const second = await admin.flags.set({
      profileId: tenant.profile.id,
      flags: [
        { flag: 'GHGP', value: false },
        { flag: 'BOOK_AND_CLAIM', value: null },
      ],
    });
    expect(second).toEqual({ profileId: tenant.profile.id, flags: { GHGP: false } });
    expect(await flagRows(tenant.profile.id)).toEqual([{ flag: 'GHGP', value: false }]);
    expect(await admin.flags.get({ profileId: tenant.profile.id })).toEqual(second);
  });

  it('removing a flag that is not set is accepted and changes nothing', async () => {
    const tenant = await createTenant(rt);
    const result = await callerAs(rt, tenant.adminCtx).flags.set({
      profileId: tenant.profile.id,
      flags: [{ flag: 'GHGP', value: null }],
    });
    expect(result.flags).toEqual({});
    expect(await flagEvents(tenant.profile.id)).toEqual([]);
  });

  it('records flags.changed with the flags before and after, and nothing for a repeat', async () => {
    const tenant = await createTenant(rt);
    const admin = callerAs(rt, tenant.adminCtx, { requestId: 'flags-audit' });
    await admin.flags.set({ profileId: tenant.profile.id, flags: [{ flag: 'BOOK_AND_CLAIM', value: true }] });
    await admin.flags.set({
      profileId: tenant.profile.id,
      flags: [
        { flag: 'GHGP', value: true },
        { flag: 'BOOK_AND_CLAIM', value: true },
      ],
    });
    await admin.flags.set({ profileId: tenant.profile.id, flags: [{ flag: 'GHGP', value: true }] });
    const events = await flagEvents(tenant.profile.id);
    expect(events).toHaveLength(2);
    const actor = { actorUserId: tenant.admin.id, actorKeyId: null, requestId: 'flags-audit' };
    expect(events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          ...actor,
          data: {
            name: tenant.profile.name,
            changed: ['BOOK_AND_CLAIM'],
            before: {},
            after: { BOOK_AND_CLAIM: true },
          },
        }),
        expect.objectContaining({
          ...actor,
          organizationId: tenant.organization.id,
          targetType: 'organization_profile',
          data: {
            name: tenant.profile.name,
            changed: ['GHGP'],
            before: { BOOK_AND_CLAIM: true },
            after: { GHGP: true, BOOK_AND_CLAIM: true },
          },
        }),
      ]),
    );
  });

  it('refuses an unknown flag with 400 at the path of the bad entry, and changes nothing', async () => {
    const tenant = await createTenant(rt);
    const refusal = await expectRefused(
      callerAs(rt, tenant.adminCtx).flags.set({
        profileId: tenant.profile.id,
        flags: [{ flag: 'GHGP', value: true }, { flag: 'NOT_A_FLAG', value: true } as never],
      }),
      'VALIDATION_FAILED',
      400,
    );
    expect(refusal.errors).toEqual([
      { path: 'flags.1.flag', message: 'must be a known feature flag: GHGP, BOOK_AND_CLAIM' },
    ]);
    expect(await flagRows(tenant.profile.id)).toEqual([]);
  });

  it('refuses a flag named twice in one request with 400, and changes nothing', async () => {
    const tenant = await createTenant(rt);
    const refusal = await expectRefused(
      callerAs(rt, tenant.adminCtx).flags.set({
        profileId: tenant.profile.id,
        flags: [
          { flag: 'GHGP', value: true },
          { flag: 'GHGP', value: null },
        ],
      }),
      'VALIDATION_FAILED',
      400,
    );
    expect(refusal.errors).toEqual([{ path: 'flags.1.flag', message: 'is listed twice' }]);
    expect(await flagRows(tenant.profile.id)).toEqual([]);
  });

  it('refuses a value that is not true, false or null, and an empty list, with 400', async () => {
    const tenant = await createTenant(rt);
    const admin = callerAs(rt, tenant.adminCtx);
    const wrong = await expectRefused(
      admin.flags.set({ profileId: tenant.profile.id, flags: [{ flag: 'GHGP', value: 'yes' as never }] }),
      'VALIDATION_FAILED',
    );
    expect(wrong.errors).toEqual([{ path: 'flags.0.value', message: 'must be true, false or null' }]);
    const empty = await expectRefused(
      admin.flags.set({ profileId: tenant.profile.id, flags: [] }),
      'VALIDATION_FAILED',
    );
    expect(empty.errors.map((e) => e.path)).toEqual(['flags']);
  });

  it('refuses a viewer with 403 and a plain member with 403: flags.write is explicit', async () => {
    const tenant = await createTenant(rt);
    const viewer = await createUser(rt);
    await addMember(rt, tenant.organization.id, viewer.id, ['default.organization.member']);
    await grantProfileRole(rt, tenant.profile.id, viewer.id, 'basic.viewer');
    const input = { profileId: tenant.profile.id, flags: [{ flag: 'GHGP' as const, value: true }] };
    const asViewer = callerAs(rt, await signedIn(rt, viewer.id));
    await expectRefused(asViewer.flags.set(input), 'FORBIDDEN', 403);
    // the viewer reads them (basic.viewer holds flags.read)
    expect(await asViewer.flags.get({ profileId: tenant.profile.id })).toEqual({
      profileId: tenant.profile.id,
      flags: {},
    });
    await expectRefused(callerAs(rt, tenant.memberCtx).flags.set(input), 'FORBIDDEN', 403);
    // an editor (basic.editor: locations and reports) may not switch modules either
    const editor = await createUser(rt);
    await addMember(rt, tenant.organization.id, editor.id, ['basic.editor']);
    await expectRefused(callerAs(rt, await signedIn(rt, editor.id)).flags.set(input), 'FORBIDDEN', 403);
    expect(await flagRows(tenant.profile.id)).toEqual([]);
  });

  it("refuses another tenant's profile with 404, like a missing one, for set and get", async () => {
    const tenant = await createTenant(rt);
    const other = await createTenant(rt);
    const admin = callerAs(rt, tenant.adminCtx);
    const input = { profileId: other.profile.id, flags: [{ flag: 'GHGP' as const, value: true }] };
    await expectRefused(admin.flags.set(input), 'PROFILE_NOT_FOUND', 404);
    await expectRefused(admin.flags.get({ profileId: other.profile.id }), 'PROFILE_NOT_FOUND', 404);
    await expectRefused(
      admin.flags.set({ ...input, profileId: '0190a4f2-0000-7000-8000-00000000abcd' }),
      'PROFILE_NOT_FOUND',
      404,
    );
    expect(await flagRows(other.profile.id)).toEqual([]);
  });

  it('lets a platform admin set the flags of any profile, and refuses platform support with 403', async () => {
    const tenant = await createTenant(rt);
    const platformAdmin = await createUser(rt, { platformRoles: ['platform.admin'] });
    const support = await createUser(rt, { platformRoles: ['platform.support'] });
    const input = { profileId: tenant.profile.id, flags: [{ flag: 'GHGP' as const, value: true }] };
    const asSupport = callerAs(rt, await signedIn(rt, support.id));
    await expectRefused(asSupport.flags.set(input), 'FORBIDDEN', 403);
    const result = await callerAs(rt, await signedIn(rt, platformAdmin.id)).flags.set(input);
    expect(result.flags).toEqual({ GHGP: true });
    expect(await asSupport.flags.get({ profileId: tenant.profile.id })).toEqual(result);
    const [event] = await flagEvents(tenant.profile.id);
    expect(event).toMatchObject({ actorUserId: platformAdmin.id, actorStaff: true });
  });

  it('lets a key with flags:read read its own profile, but never set, nor read another profile', async () => {
    const tenant = await createTenant(rt);
    const sibling = await createProfileRow(rt, tenant.organization.id);
    await callerAs(rt, tenant.adminCtx).flags.set({
      profileId: tenant.profile.id,
      flags: [{ flag: 'BOOK_AND_CLAIM', value: true }],
    });
    const reader = callerAs(rt, keyOf(tenant, ['flags.read']));
    expect(await reader.flags.get({ profileId: tenant.profile.id })).toEqual({
      profileId: tenant.profile.id,
      flags: { BOOK_AND_CLAIM: true },
    });
    await expectRefused(
      reader.flags.set({ profileId: tenant.profile.id, flags: [{ flag: 'GHGP', value: true }] }),
      'FORBIDDEN',
      403,
    );
    await expectRefused(reader.flags.get({ profileId: sibling.id }), 'PROFILE_NOT_FOUND', 404);
    // a key without flags:read is refused by its scopes
    await expectRefused(
      callerAs(rt, keyOf(tenant, ['locations.read'])).flags.get({ profileId: tenant.profile.id }),
      'FORBIDDEN',
      403,
    );
    expect(await flagRows(tenant.profile.id)).toEqual([{ flag: 'BOOK_AND_CLAIM', value: true }]);
  });
});
