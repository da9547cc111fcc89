import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { organizationMembers } from '@/db/schema';
import type { FieldError } from '@/server/core/errors';
import type { Runtime } from '@/server/core/runtime';
import { callerFor } from '../helpers/callers';
import { createOrganizationRow, createProfileRow } from '../helpers/organizations';
import { createUser } from '../helpers/runtime';

export { type Caller, callerFor } from '../helpers/callers';

/** A platform admin, a platform support user and a user with no platform role, each with a caller. */
export async function createStaff(rt: Runtime) {
  const admin = await createUser(rt, { platformRoles: ['platform.admin'] });
  const support = await createUser(rt, { platformRoles: ['platform.support'] });
  const plain = await createUser(rt);
  return {
    admin,
    support,
    plain,
    asAdmin: await callerFor(rt, admin.id),
    asSupport: await callerFor(rt, support.id),
    asPlain: await callerFor(rt, plain.id),
  };
}

/** The message of the field error at this path (fails when there is none). */
export function messageAt(errors: FieldError[], path: string) {
  const found = errors.find((e) => e.path === path);
  expect(found, `no error at ${path} in ${JSON.stringify(errors)}`).toBeDefined();
  return found!.message;
}

/** The membership row of this person in this organization, if any. */
export async function membership(rt: Runtime, organizationId: string, userId: string) {
  const [row] = await rt.db
    .select()
    .from(organizationMembers)
    .where(
      and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, userId)),
    );
  return row;
}

/** An organization with one profile, straight in the database. */
export async function tenant(rt: Runtime) {
  const organization = await createOrganizationRow(rt);
  const profile = await createProfileRow(rt, organization.id);
  return { organization, profile };
}
