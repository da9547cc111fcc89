import { describe, expect, it } from 'vitest';
import { DAY } from '@/server/core/clock';
import {
  addMember,
  createOrganizationRow,
  createProfileRow,
  createTenant,
  grantProfileRole,
} from '../helpers/organizations';
import { expectRefused } from '../helpers/refusals';
import { createUser, signedIn, testRuntime } from '../helpers/runtime';
import { callerAs } from './support';

const rt = testRuntime();

describe('organizations available to me (#12)', () => {
  it('lists my active organizations with my roles, and the profiles I may read with my roles there', async () => {
    const tenant = await createTenant(rt, 'Zulu Gas');
    const second = await createProfileRow(rt, tenant.organization.id, { name: 'Alpha Unit' });
    await grantProfileRole(rt, second.id, tenant.member.id, 'basic.editor');
    const { items } = await callerAs(rt, tenant.memberCtx).organizations.list();
    expect(items).toEqual([
      {
        _id: tenant.organization.id,
        name: 'Zulu Gas',
        status: 'active',
        roles: ['default.organization.member'],
        permissions: ['organization.read', 'profiles.read'],
        profiles: [
          expect.objectContaining({ _id: second.id, name: 'Alpha Unit', roles: ['basic.editor'] }),
          {
            _id: tenant.profile.id,
            name: 'Zulu Gas Production',
            participantTags: [{ tag: 'nat_gas_producer', measurers: [], verifiers: [] }],
            roles: [],
            permissions: ['organization.read', 'profiles.read'],
            // a member without flags.read on the profile sees no flags
            flags: {},
          },
        ],
      },
    ]);
    expect(items[0]!.profiles[0]!.permissions).toEqual(
      expect.arrayContaining(['locations.write', 'reports.write']),
    );
  });

  it('shows only the profiles a role lets me read when I hold no organization-wide role', async () => {
    const organization = await createOrganizationRow(rt);
    const seen = await createProfileRow(rt, organization.id);
    await createProfileRow(rt, organization.id);
    const user = await createUser(rt);
    await addMember(rt, organization.id, user.id, []);
    await grantProfileRole(rt, seen.id, user.id, 'basic.viewer');
    const { items } = await callerAs(rt, await signedIn(rt, user.id)).organizations.list();
    expect(items.map((o) => o.profiles.map((p) => p._id))).toEqual([[seen.id]]);
    expect(items[0]!.permissions).toEqual([]);
  });

  it('leaves out organizations I am only invited to, archived ones and archived profiles', async () => {
    const tenant = await createTenant(rt);
    await createProfileRow(rt, tenant.organization.id, { status: 'archive' });
    const invitedTo = await createOrganizationRow(rt);
    await addMember(rt, invitedTo.id, tenant.member.id, [], 'invited');
    const archived = await createOrganizationRow(rt, { status: 'archive' });
    await addMember(rt, archived.id, tenant.member.id);
    const { items } = await callerAs(rt, tenant.memberCtx).organizations.list();
    expect(items.map((o) => o._id)).toEqual([tenant.organization.id]);
    expect(items[0]!.profiles.map((p) => p._id)).toEqual([tenant.profile.id]);
  });
});

describe('auth.me in an organization (#5)', () => {
  it('returns my memberships and, for the active organization, my roles, permissions and profiles', async () => {
    const tenant = await createTenant(rt);
    const other = await createTenant(rt);
    await addMember(rt, other.organization.id, tenant.admin.id);
    const me = await callerAs(rt, tenant.adminCtx, {
      activeOrganizationId: tenant.organization.id,
    }).auth.me();
    expect(me.memberships.map((m) => m.organizationId).sort()).toEqual(
      [tenant.organization.id, other.organization.id].sort(),
    );
    expect(me.activeOrganization).toEqual({ _id: tenant.organization.id, name: tenant.organization.name });
    expect(me.roles).toEqual(['default.organization.admin']);
    expect(me.permissions).toEqual(expect.arrayContaining(['members.manage', 'audit.read']));
    expect(me.profiles.map((p) => p._id)).toEqual([tenant.profile.id]);
    const none = await callerAs(rt, tenant.adminCtx).auth.me();
    expect(none.activeOrganization).toBeNull();
  });

  it('refuses an API caller naming a foreign x-active-organization-id with 403; the browser falls back', async () => {
    const tenant = await createTenant(rt);
    const other = await createTenant(rt);
    await expectRefused(
      callerAs(rt, tenant.memberCtx, { activeOrganizationId: other.organization.id }).auth.me(),
      'FORBIDDEN',
      403,
    );
    const browser = await signedIn(rt, tenant.member.id, 'browser');
    const me = await callerAs(rt, browser, {
      activeOrganizationId: other.organization.id,
    }).auth.me();
    expect(me.activeOrganization?._id).toBe(tenant.organization.id);
  });
});

describe('organization members (#16)', () => {
  it('lists invited and active members with status, roles at both levels and dates, ordered by email', async () => {
    const tenant = await createTenant(rt);
    await grantProfileRole(rt, tenant.profile.id, tenant.member.id, 'basic.viewer');
    await grantProfileRole(rt, tenant.profile.id, tenant.member.id, 'basic.editor');
    const invited = await callerAs(rt, tenant.adminCtx).members.invite({
      organizationId: tenant.organization.id,
      email: 'aaa.first@example.com',
      firstName: 'Ann',
      lastName: 'First',
    });
    const { items, nextCursor } = await callerAs(rt, tenant.memberCtx).members.list({
      organizationId: tenant.organization.id,
    });
    expect(nextCursor).toBeNull();
    expect(items[0]!._id).toBe(invited._id);
    expect(
      items
        .slice(1)
        .map((m) => m._id)
        .sort(),
    ).toEqual([tenant.admin.id, tenant.member.id].sort());
    expect(items[0]).toEqual(invited);
    expect(items[0]).toMatchObject({ status: 'invited', joinedAt: null, roles: [] });
    expect(Date.parse(items[0]!.invitationExpiresAt!)).toBe(Date.parse(items[0]!.invitedAt) + 7 * DAY);
    const member = items.find((m) => m._id === tenant.member.id)!;
    expect(member).toMatchObject({
      status: 'active',
      roles: ['default.organization.member'],
      profileRoles: [{ profileId: tenant.profile.id, roleCodes: ['basic.editor', 'basic.viewer'] }],
      invitationExpiresAt: null,
    });
    expect(member.joinedAt).not.toBeNull();
    expect(Object.keys(member).sort()).toEqual(
      [
        '_id',
        'email',
        'firstName',
        'lastName',
        'status',
        'roles',
        'profileRoles',
        'invitedAt',
        'joinedAt',
        'invitationExpiresAt',
      ].sort(),
    );
  });

  it('pages by email with limit and nextCursor, without repeats or gaps', async () => {
    const tenant = await createTenant(rt);
    for (let i = 0; i < 5; i++) {
      const user = await createUser(rt);
      await addMember(rt, tenant.organization.id, user.id);
    }
    const caller = callerAs(rt, tenant.adminCtx);
    const all = await caller.members.list({ organizationId: tenant.organization.id });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await caller.members.list({
        organizationId: tenant.organization.id,
        limit: 3,
        cursor,
      });
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((m) => m._id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(all.items).toHaveLength(7);
    expect(seen).toEqual(all.items.map((m) => m._id));
    await expectRefused(
      caller.members.list({ organizationId: tenant.organization.id, cursor: 'garbage' }),
      'VALIDATION_FAILED',
      400,
    );
    const forged = Buffer.from(JSON.stringify(['a', 'not-a-uuid'])).toString('base64url');
    await expectRefused(
      caller.members.list({ organizationId: tenant.organization.id, cursor: forged }),
      'VALIDATION_FAILED',
      400,
    );
  });

  it('counts every member (issue 9) and sorts by name, status or invitation date either way, by cursor or offset', async () => {
    const tenant = await createTenant(rt);
    const admin = callerAs(rt, tenant.adminCtx);
    for (const [first, email] of [
      ['Zoe', 'b.zoe@example.com'],
      ['Abe', 'c.abe@example.com'],
    ] as const) {
      rt.clock.advance(DAY);
      await admin.members.invite({
        organizationId: tenant.organization.id,
        email: email.replace('@', `.${Date.now().toString(36)}@`),
        firstName: first,
        lastName: 'Invited',
      });
    }
    const list = (input: Record<string, unknown> = {}) =>
      admin.members.list({ organizationId: tenant.organization.id, ...input });
    expect((await list({ limit: 1 })).total).toBe(4);
    const byName = [];
    let cursor: string | undefined;
    do {
      const page = await list({ sort: { field: 'name', direction: 'asc' }, limit: 1, cursor });
      byName.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    // the invited show the names their inviter typed; createTenant's members are "Test User"
    expect(byName.map((m) => m.firstName)).toEqual(['Abe', 'Test', 'Test', 'Zoe']);
    const newest = await list({ sort: { field: 'invitedAt', direction: 'desc' }, limit: 2 });
    expect(newest.items.map((m) => m.firstName)).toEqual(['Abe', 'Zoe']);
    expect(newest.total).toBe(4);
    const oldestInvited = await list({ sort: { field: 'invitedAt', direction: 'asc' }, limit: 1, offset: 2 });
    expect(oldestInvited.items.map((m) => m.firstName)).toEqual(['Zoe']);
    const invitedFirst = await list({ sort: { field: 'status', direction: 'desc' } });
    expect(invitedFirst.items.map((m) => m.status)).toEqual(['invited', 'invited', 'active', 'active']);
    const refusal = await expectRefused(
      list({ sort: { field: 'roles', direction: 'asc' } } as never),
      'VALIDATION_FAILED',
      400,
    );
    expect(refusal.errors[0]).toMatchObject({ path: 'sort.field' });
    const other = await createTenant(rt);
    await expectRefused(
      callerAs(rt, other.adminCtx).members.list({
        organizationId: tenant.organization.id,
        sort: { field: 'name', direction: 'asc' },
      }),
      'ORGANIZATION_NOT_FOUND',
      404,
    );
  });

  it('takes the organization from x-active-organization-id, else from my only membership', async () => {
    const tenant = await createTenant(rt);
    const fromHeader = await callerAs(rt, tenant.memberCtx, {
      activeOrganizationId: tenant.organization.id,
    }).members.list({});
    expect(fromHeader.items.map((m) => m._id)).toContain(tenant.admin.id);
    const fromOnly = await callerAs(rt, tenant.memberCtx).members.list({});
    expect(fromOnly.items).toEqual(fromHeader.items);
  });

  it('asks for the organization with 400 naming organizationId when I belong to several or none', async () => {
    const tenant = await createTenant(rt);
    const other = await createOrganizationRow(rt);
    await addMember(rt, other.id, tenant.member.id);
    const several = await expectRefused(
      callerAs(rt, tenant.memberCtx).members.list({}),
      'VALIDATION_FAILED',
      400,
    );
    expect(several.errors?.[0]?.path).toBe('organizationId');
    const loner = await signedIn(rt, (await createUser(rt)).id);
    await expectRefused(callerAs(rt, loner).members.list({}), 'VALIDATION_FAILED', 400);
  });

  it('refuses a foreign organization with 404 and a member without organization.read with 403', async () => {
    const tenant = await createTenant(rt);
    const other = await createTenant(rt);
    await expectRefused(
      callerAs(rt, tenant.adminCtx).members.list({ organizationId: other.organization.id }),
      'ORGANIZATION_NOT_FOUND',
      404,
    );
    const roleless = await createUser(rt);
    await addMember(rt, tenant.organization.id, roleless.id, []);
    await expectRefused(
      callerAs(rt, await signedIn(rt, roleless.id)).members.list({
        organizationId: tenant.organization.id,
      }),
      'FORBIDDEN',
      403,
    );
  });

  it('refuses members of an archived organization with 404 (an archived organization grants nothing)', async () => {
    const organization = await createOrganizationRow(rt, { status: 'archive' });
    const admin = await createUser(rt);
    await addMember(rt, organization.id, admin.id, ['default.organization.admin']);
    const ctx = await signedIn(rt, admin.id);
    await expectRefused(
      callerAs(rt, ctx).members.list({ organizationId: organization.id }),
      'ORGANIZATION_NOT_FOUND',
      404,
    );
    await expectRefused(
      callerAs(rt, ctx).members.invite({
        organizationId: organization.id,
        email: 'late@example.com',
        firstName: 'L',
        lastName: 'T',
      }),
      'ORGANIZATION_NOT_FOUND',
      404,
    );
  });
});
