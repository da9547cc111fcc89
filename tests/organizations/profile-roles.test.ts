import { describe, expect, it } from 'vitest';
import { permissionsOf } from '@/server/core/access/catalog';
import { assertCanGrant, replaceRoleLinks } from '@/server/modules/members/services/member-rules';
import { createProfileRow, createTenant, grantProfileRole } from '../helpers/organizations';
import { expectRefused } from '../helpers/refusals';
import { createUser, signedIn, testRuntime } from '../helpers/runtime';
import { callerAs, eventsOf, expectInvalidInput, linksOf } from './support';

const rt = testRuntime();

describe('profile roles (#20)', () => {
  it('replaces the roles on that profile only and records the change', async () => {
    const tenant = await createTenant(rt);
    const otherProfile = await createProfileRow(rt, tenant.organization.id);
    await grantProfileRole(rt, otherProfile.id, tenant.member.id, 'basic.viewer');
    await grantProfileRole(rt, tenant.profile.id, tenant.member.id, 'basic.viewer');
    const result = await callerAs(rt, tenant.adminCtx).members.setProfileRoles({
      profileId: tenant.profile.id,
      userId: tenant.member.id,
      roleCodes: ['basic.admin', 'sox.producer.admin'],
    });
    expect(result).toEqual({
      profileId: tenant.profile.id,
      userId: tenant.member.id,
      roleCodes: ['basic.admin', 'sox.producer.admin'],
    });
    expect(await linksOf(rt, tenant.member.id)).toEqual(
      [
        `organization:${tenant.organization.id}:default.organization.member`,
        `organization_profile:${otherProfile.id}:basic.viewer`,
        `organization_profile:${tenant.profile.id}:basic.admin`,
        `organization_profile:${tenant.profile.id}:sox.producer.admin`,
      ].sort(),
    );
    const [event] = await eventsOf(rt, tenant.organization.id, 'member.profile_roles.changed');
    expect(event).toMatchObject({
      targetId: tenant.profile.id,
      data: { added: ['basic.admin', 'sox.producer.admin'], removed: ['basic.viewer'] },
    });
    const cleared = await callerAs(rt, tenant.adminCtx).members.setProfileRoles({
      profileId: tenant.profile.id,
      userId: tenant.member.id,
      roleCodes: [],
    });
    expect(cleared.roleCodes).toEqual([]);
  });

  it('refuses a person outside the organization with 404 and a foreign profile with 404', async () => {
    const tenant = await createTenant(rt);
    const other = await createTenant(rt);
    await expectRefused(
      callerAs(rt, tenant.adminCtx).members.setProfileRoles({
        profileId: tenant.profile.id,
        userId: other.member.id,
        roleCodes: ['basic.admin'],
      }),
      'MEMBER_NOT_FOUND',
      404,
    );
    await expectRefused(
      callerAs(rt, tenant.adminCtx).members.setProfileRoles({
        profileId: other.profile.id,
        userId: tenant.member.id,
        roleCodes: ['basic.admin'],
      }),
      'PROFILE_NOT_FOUND',
      404,
    );
  });

  it('refuses a profile administrator without members.manage with 403 FORBIDDEN', async () => {
    const tenant = await createTenant(rt);
    await grantProfileRole(rt, tenant.profile.id, tenant.member.id, 'basic.admin');
    await expectRefused(
      callerAs(rt, tenant.memberCtx).members.setProfileRoles({
        profileId: tenant.profile.id,
        userId: tenant.member.id,
        roleCodes: ['basic.admin', 'sox.producer.admin'],
      }),
      'FORBIDDEN',
      403,
    );
  });

  it('refuses organization-only roles at profile level with 400', async () => {
    const tenant = await createTenant(rt);
    await expectInvalidInput(
      callerAs(rt, tenant.adminCtx).members.setProfileRoles({
        profileId: tenant.profile.id,
        userId: tenant.member.id,
        roleCodes: ['default.organization.admin'],
      }),
      'roleCodes',
    );
  });
});

describe('grant only what you hold', () => {
  it('refuses a role whose permissions the granter lacks with 403 GRANT_NOT_ALLOWED naming them', () => {
    const held = permissionsOf(['basic.editor']);
    let thrown: unknown;
    try {
      assertCanGrant(['basic.viewer', 'basic.admin'], held);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'GRANT_NOT_ALLOWED', status: 403 });
    const message = (thrown as Error).message;
    expect(message).toContain('basic.admin needs');
    expect(message).toContain('profiles.write');
    expect(message).not.toContain('basic.viewer');
    expect(() => assertCanGrant(['basic.viewer', 'basic.editor'], held)).not.toThrow();
  });

  it('applies the rule to removals too, and changes nothing when refused', async () => {
    const tenant = await createTenant(rt);
    await grantProfileRole(rt, tenant.profile.id, tenant.member.id, 'basic.admin');
    const before = await linksOf(rt, tenant.member.id);
    await expectRefused(
      rt.db.transaction((tx) =>
        replaceRoleLinks(tx, {
          userId: tenant.member.id,
          entityType: 'organization_profile',
          entityId: tenant.profile.id,
          desired: ['basic.viewer'],
          held: permissionsOf(['basic.editor']),
          createdBy: tenant.admin.id,
        }),
      ),
      'GRANT_NOT_ALLOWED',
    );
    expect(await linksOf(rt, tenant.member.id)).toEqual(before);
  });

  it('lets platform support read but not manage members (403)', async () => {
    const tenant = await createTenant(rt);
    const support = await signedIn(rt, (await createUser(rt, { platformRoles: ['platform.support'] })).id);
    const list = await callerAs(rt, support).members.list({
      organizationId: tenant.organization.id,
    });
    expect(list.items).toHaveLength(2);
    await expectRefused(
      callerAs(rt, support).members.setRoles({
        organizationId: tenant.organization.id,
        userId: tenant.member.id,
        roleCodes: ['basic.viewer'],
      }),
      'FORBIDDEN',
      403,
    );
  });
});
