import { describe, expect, it } from 'vitest';
import { profileFlags } from '@/db/schema';
import { loadSessionPrincipal } from '@/server/modules/auth/services/authenticate-session';
import { getMe } from '@/server/modules/auth/services/get-me';
import { featureFlagNames, featureFlags } from '@/server/modules/flags/catalog';
import { callerAs } from '../helpers/callers';
import { addMember, createProfileRow, createTenant, grantProfileRole } from '../helpers/organizations';
import { contextOf, createUser, signedIn, testRuntime } from '../helpers/runtime';

/** #5 "profiles with their roles and flags", #12 and #42: where a profile's flags are shown. */
const rt = testRuntime();

async function tenantWithFlags() {
  const tenant = await createTenant(rt);
  const second = await createProfileRow(rt, tenant.organization.id, { name: 'Zulu Storage' });
  await callerAs(rt, tenant.adminCtx).flags.set({
    profileId: tenant.profile.id,
    flags: [
      { flag: 'GHGP', value: true },
      { flag: 'BOOK_AND_CLAIM', value: false },
    ],
  });
  await callerAs(rt, tenant.adminCtx).flags.set({
    profileId: second.id,
    flags: [{ flag: 'BOOK_AND_CLAIM', value: true }],
  });
  return { tenant, second };
}

const flagsById = (profiles: { _id: string; flags: object }[]) =>
  Object.fromEntries(profiles.map((p) => [p._id, p.flags]));

describe("a profile's flags in me and organizations.list", () => {
  it('me shows each profile of the active organization with its flags', async () => {
    const { tenant, second } = await tenantWithFlags();
    const me = await callerAs(rt, tenant.adminCtx).auth.me();
    expect(flagsById(me.profiles)).toEqual({
      [tenant.profile.id]: { GHGP: true, BOOK_AND_CLAIM: false },
      [second.id]: { BOOK_AND_CLAIM: true },
    });
  });

  it('organizations.list shows each profile with its flags, {} where none is set', async () => {
    const { tenant, second } = await tenantWithFlags();
    const bare = await createProfileRow(rt, tenant.organization.id, { name: 'Bare' });
    const { items } = await callerAs(rt, tenant.adminCtx).organizations.list();
    expect(flagsById(items[0]!.profiles)).toEqual({
      [tenant.profile.id]: { GHGP: true, BOOK_AND_CLAIM: false },
      [second.id]: { BOOK_AND_CLAIM: true },
      [bare.id]: {},
    });
  });

  it('carries the flags in the memberships loaded with the session (no query of their own)', async () => {
    const { tenant } = await tenantWithFlags();
    const preloaded = (await loadSessionPrincipal(rt, tenant.adminCtx.principal.session.id, {
      memberships: true,
    }))!;
    const stored = preloaded.memberships![0]!.profiles.find((p) => p._id === tenant.profile.id);
    expect(stored?.flags).toEqual({ GHGP: true, BOOK_AND_CLAIM: false });
    const me = await getMe({ ...contextOf(rt), principal: preloaded });
    expect(me.profiles.find((p) => p._id === tenant.profile.id)?.flags).toEqual({
      GHGP: true,
      BOOK_AND_CLAIM: false,
    });
  });

  it('shows no flags to a member who sees the profile without flags.read', async () => {
    const { tenant } = await tenantWithFlags();
    const me = await callerAs(rt, tenant.memberCtx).auth.me();
    expect(me.profiles.length).toBeGreaterThan(0);
    for (const profile of me.profiles) expect(profile.flags).toEqual({});
  });

  it('shows a profile-role holder the flags of that profile only', async () => {
    const { tenant } = await tenantWithFlags();
    const viewer = await createUser(rt);
    await addMember(rt, tenant.organization.id, viewer.id, []);
    await grantProfileRole(rt, tenant.profile.id, viewer.id, 'basic.viewer');
    const { items } = await callerAs(rt, await signedIn(rt, viewer.id)).organizations.list();
    expect(flagsById(items[0]!.profiles)).toEqual({
      [tenant.profile.id]: { GHGP: true, BOOK_AND_CLAIM: false },
    });
  });

  it('leaves out a stored flag the catalog no longer has', async () => {
    const tenant = await createTenant(rt);
    await rt.db
      .insert(profileFlags)
      .values({ profileId: tenant.profile.id, flag: 'RETIRED_FLAG', value: true });
    const me = await callerAs(rt, tenant.adminCtx).auth.me();
    expect(me.profiles[0]!.flags).toEqual({});
    expect(await callerAs(rt, tenant.adminCtx).flags.get({ profileId: tenant.profile.id })).toEqual({
      profileId: tenant.profile.id,
      flags: {},
    });
  });
});

describe('admin.featureFlags.list (#42)', () => {
  it('lists every catalog flag with its description and the modules it switches on', async () => {
    const support = await createUser(rt, { platformRoles: ['platform.support'] });
    const { items } = await callerAs(rt, await signedIn(rt, support.id)).admin.featureFlags.list({});
    expect(items.map((i) => i.flag)).toEqual(featureFlagNames);
    expect(items).toContainEqual({
      flag: 'GHGP',
      name: featureFlags.GHGP.name,
      description: featureFlags.GHGP.description,
      modules: ['ghgp'],
    });
    expect(items.map((i) => i.flag)).toEqual(expect.arrayContaining(['GHGP', 'BOOK_AND_CLAIM']));
  });
});
