import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { auditEvents, organizationMembers, roleLinks } from '@/db/schema';
import { callerAs } from '../helpers/callers';
import { latestEmail } from '../helpers/identity';
import type { createTenant } from '../helpers/organizations';
import { type TestRuntime, uniqueEmail } from '../helpers/runtime';

export { callerAs };

/** The token of the accept link in the newest invitation email to this address. */
export async function invitationToken(rt: TestRuntime, email: string) {
  const mail = await latestEmail(rt, email, 'invitation');
  const match = /\/accept-invitation\?token=([A-Za-z0-9_-]+)/.exec(mail.text);
  expect(match, `no accept link in: ${mail.text}`).not.toBeNull();
  return decodeURIComponent(match![1]!);
}

/** Expects the procedure's input schema to refuse the call (400 VALIDATION_FAILED over REST) at this field. */
export async function expectInvalidInput(promise: Promise<unknown>, path: string) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'expected the input to be refused, but it succeeded').toMatchObject({ code: 'BAD_REQUEST' });
  const cause = (error as { cause?: { name?: string; issues?: { path: PropertyKey[] }[] } }).cause;
  expect(cause?.name).toBe('ZodError');
  expect(cause?.issues?.map((i) => i.path.join('.'))).toContain(path);
}

/** Invites a new email into the tenant's organization as its admin; returns the member and the emailed token. */
export async function inviteNew(
  rt: TestRuntime,
  tenant: Awaited<ReturnType<typeof createTenant>>,
  email = uniqueEmail('invitee'),
) {
  const member = await callerAs(rt, tenant.adminCtx).members.invite({
    organizationId: tenant.organization.id,
    email,
    firstName: 'Ina',
    lastName: 'Vitee',
  });
  return { member, email, token: await invitationToken(rt, email) };
}

export const memberRow = async (rt: TestRuntime, organizationId: string, userId: string) =>
  (
    await rt.db
      .select()
      .from(organizationMembers)
      .where(
        and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, userId)),
      )
  )[0];

/** Every role link of the user as "entityType:entityId:roleCode", sorted. */
export const linksOf = async (rt: TestRuntime, userId: string) =>
  (
    await rt.db
      .select({
        roleCode: roleLinks.roleCode,
        entityType: roleLinks.entityType,
        entityId: roleLinks.entityId,
      })
      .from(roleLinks)
      .where(eq(roleLinks.userId, userId))
  )
    .map((l) => `${l.entityType}:${l.entityId}:${l.roleCode}`)
    .sort();

export const eventsOf = (rt: TestRuntime, organizationId: string, action: string) =>
  rt.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.organizationId, organizationId), eq(auditEvents.action, action)));
