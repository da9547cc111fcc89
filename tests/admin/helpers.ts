import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { ZodError } from 'zod';
import { organizationMembers } from '@/db/schema';
import { asAppError, type FieldError } from '@/server/core/errors';
import { createEntryContext } from '@/server/core/request-context';
import type { Runtime } from '@/server/core/runtime';
import { zodFieldErrors } from '@/server/core/trpc';
import { createCaller } from '@/server/routers';
import { createOrganizationRow, createProfileRow } from '../helpers/organizations';
import { createUser, signedIn, testMeta } from '../helpers/runtime';

/** A tRPC caller acting as this user over the API channel, the way the REST adapter calls procedures. */
export async function callerFor(rt: Runtime, userId: string, requestId = 'test-request') {
  const { principal } = await signedIn(rt, userId);
  return createCaller(createEntryContext(rt, testMeta({ requestId }), principal));
}

export type Caller = Awaited<ReturnType<typeof callerFor>>;

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

/**
 * Expects a procedure call to be refused with this code (an AppError, or VALIDATION_FAILED for
 * the input schema) and returns the status and field errors the REST adapter would send.
 */
export async function expectRefusal(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}, but it succeeded`).toBeDefined();
  const cause = (error as { cause?: unknown }).cause;
  const app = asAppError(cause) ?? asAppError(error);
  if (app) {
    expect(app.code, app.message).toBe(code);
    return { status: app.status, errors: app.errors ?? [] };
  }
  if (cause instanceof ZodError) {
    expect('VALIDATION_FAILED').toBe(code);
    return { status: 400, errors: zodFieldErrors(cause) };
  }
  throw error;
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
