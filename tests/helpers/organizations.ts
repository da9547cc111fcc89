import { organizationMembers, organizationProfiles, organizations, roleLinks } from '@/db/schema';
import type { Runtime } from '@/server/core/runtime';
import { createUser, signedIn } from './runtime';

/**
 * Test fixtures for tenants, written straight to the database (the way the admin console would
 * leave them), so a test of one rule does not depend on the procedures of another.
 */
let counter = 0;

export async function createOrganizationRow(
  rt: Runtime,
  values: Partial<typeof organizations.$inferInsert> = {},
) {
  const [row] = await rt.db
    .insert(organizations)
    .values({ name: `Org ${counter++}`, taxId: '123456789', duns: '123456789', ...values })
    .returning();
  return row!;
}

export async function createProfileRow(
  rt: Runtime,
  organizationId: string,
  values: Partial<typeof organizationProfiles.$inferInsert> = {},
) {
  const [row] = await rt.db
    .insert(organizationProfiles)
    .values({
      organizationId,
      name: `Profile ${counter++}`,
      participantTypes: ['producer'],
      participantTags: [{ tag: 'nat_gas_producer', measurers: [], verifiers: [] }],
      ...values,
    })
    .returning();
  return row!;
}

/** Makes the user a member (active unless told) holding these organization-level roles. */
export async function addMember(
  rt: Runtime,
  organizationId: string,
  userId: string,
  roleCodes: string[] = ['default.organization.member'],
  status: 'active' | 'invited' = 'active',
) {
  await rt.db
    .insert(organizationMembers)
    .values({ organizationId, userId, status, joinedAt: status === 'active' ? rt.clock.now() : null });
  for (const roleCode of roleCodes) {
    await rt.db
      .insert(roleLinks)
      .values({ userId, roleCode, entityType: 'organization', entityId: organizationId });
  }
}

export async function grantProfileRole(rt: Runtime, profileId: string, userId: string, roleCode: string) {
  await rt.db
    .insert(roleLinks)
    .values({ userId, roleCode, entityType: 'organization_profile', entityId: profileId });
}

/**
 * An organization with one profile, an admin and a plain member, each signed in: the usual cast
 * of a tenant test. Two of these make the isolation matrix.
 */
export async function createTenant(rt: Runtime, name = `Tenant ${counter++}`) {
  const organization = await createOrganizationRow(rt, { name });
  const profile = await createProfileRow(rt, organization.id, { name: `${name} Production` });
  const admin = await createUser(rt);
  const member = await createUser(rt);
  await addMember(rt, organization.id, admin.id, ['default.organization.admin']);
  await addMember(rt, organization.id, member.id, ['default.organization.member']);
  return {
    organization,
    profile,
    admin,
    member,
    adminCtx: await signedIn(rt, admin.id),
    memberCtx: await signedIn(rt, member.id),
  };
}
