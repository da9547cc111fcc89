import { asc, eq } from 'drizzle-orm';
import {
  apiKeys,
  invitations,
  loginCodes,
  outbox,
  passwordResets,
  platformSettings,
  recoveryCodes,
  refreshTokens,
  sessions,
  tfaMethods,
  users,
} from '@/db/schema';
import { MINUTE } from '@/server/core/clock';
import type { UserContext } from '@/server/core/context';
import { loadSessionPrincipal } from '@/server/modules/auth/services/authenticate-session';
import { createTfaMethod } from '@/server/modules/auth/services/create-tfa-method';
import { enqueueEmail } from '@/server/modules/mail/services/enqueue-email';
import { emails } from '@/server/modules/mail/templates';
import { issueTestKey } from '../helpers/api-keys';
import { apiTokens, enableTotp, uniqueIp } from '../helpers/identity';
import { addMember, createOrganizationRow, createProfileRow } from '../helpers/organizations';
import { contextOf, createUser, signedIn, type TestRuntime } from '../helpers/runtime';

/**
 * A copy of production in miniature: a platform admin (the caller) and four people in two
 * organizations, with what the reset must end, and rows that are already dead (a revoked session
 * and key, an expired invitation, sent mail) so a count that includes them fails. `expected` is
 * counted by hand from what is made here.
 */
export async function seedProductionCopy(rt: TestRuntime) {
  const caller = await createUser(rt, { platformRoles: ['platform.admin'] });
  const a1 = await createUser(rt);
  const a2 = await createUser(rt);
  const b1 = await createUser(rt);
  const invitee = await createUser(rt);
  const orgA = await createOrganizationRow(rt, { name: 'Permian Gas' });
  const orgB = await createOrganizationRow(rt, { name: 'Appalachia Midstream' });
  const profileA = await createProfileRow(rt, orgA.id);
  const profileB = await createProfileRow(rt, orgB.id);
  await addMember(rt, orgA.id, a1.id, ['default.organization.admin']);
  await addMember(rt, orgA.id, a2.id);
  await addMember(rt, orgB.id, b1.id, ['default.organization.admin']);
  await addMember(rt, orgA.id, invitee.id, [], 'invited');
  await addMember(rt, orgB.id, invitee.id, [], 'invited');

  // Sessions: the caller's current one (kept, with its refresh token) and five others.
  const callerTokens = await apiTokens(rt, { email: caller.email, secret: caller.password }, uniqueIp());
  const callerOther = await apiTokens(rt, { email: caller.email, secret: caller.password }, uniqueIp());
  const a1Tokens = await apiTokens(rt, { email: a1.email, secret: a1.password }, uniqueIp());
  const a1Ctx = await signedIn(rt, a1.id);
  const b1Ctx = await signedIn(rt, b1.id, 'browser');
  const inviteeCtx = await signedIn(rt, invitee.id);
  await rt.db
    .update(sessions)
    .set({ revokedAt: rt.clock.now(), revokedReason: 'signed-out' })
    .where(eq(sessions.id, inviteeCtx.principal.session.id));
  const principal = await loadSessionPrincipal(rt, callerTokens.sessionId);
  const callerCtx: UserContext = { ...contextOf(rt), principal: principal! };

  // API keys: one per profile, and one already revoked.
  const keyA = await issueTestKey(rt, a1Ctx, profileA.id, { name: 'SCADA export' });
  const keyB = await issueTestKey(rt, b1Ctx, profileB.id, { name: 'Partner feed' });
  const revokedKey = await issueTestKey(rt, a1Ctx, profileA.id, { name: 'Old feed' });
  await rt.db.update(apiKeys).set({ revokedAt: rt.clock.now() }).where(eq(apiKeys.id, revokedKey.keyId));

  // Two-factor: three active methods (10 recovery codes each; a2's adds a session) and a pending one.
  const callerTotp = await enableTotp(rt, caller, callerCtx);
  await enableTotp(rt, a2);
  await enableTotp(rt, b1, b1Ctx);
  await createTfaMethod(a1Ctx, { password: a1.password, type: 'totp' });

  // Emailed secrets: two login codes, a reset link, an invitation alive and one expired.
  const now = rt.clock.now();
  const later = new Date(now.getTime() + 10 * MINUTE);
  await rt.db.insert(loginCodes).values([
    { userId: a1.id, codeHmac: 'hmac-a1', expiresAt: later },
    { userId: b1.id, codeHmac: 'hmac-b1', expiresAt: later },
  ]);
  await rt.db.insert(passwordResets).values({ userId: a2.id, tokenHash: `reset-${a2.id}`, expiresAt: later });
  await rt.db.insert(invitations).values([
    { organizationId: orgA.id, userId: invitee.id, tokenHash: `inv-a-${invitee.id}`, expiresAt: later },
    {
      organizationId: orgB.id,
      userId: invitee.id,
      tokenHash: `inv-b-${invitee.id}`,
      expiresAt: new Date(now.getTime() - MINUTE),
    },
  ]);

  // Mail: only what is made here (the setup's own notices are cleared): two queued, one sent.
  await rt.db.delete(outbox);
  await enqueueEmail(rt.db, rt, a1.email, emails.passwordChanged('changed'), now);
  await enqueueEmail(rt.db, rt, b1.email, emails.passwordChanged('reset'), now);
  await enqueueEmail(rt.db, rt, a2.email, emails.passwordChanged('changed'), now);
  await rt.db
    .update(outbox)
    .set({ status: 'sent', sealed: null, sentAt: now })
    .where(eq(outbox.to, a2.email));

  return {
    caller,
    callerCtx,
    callerTokens,
    callerOther,
    callerTotp,
    a1,
    a1Tokens,
    a2,
    b1,
    invitee,
    others: [a1, a2, b1, invitee],
    orgA,
    orgB,
    profileA,
    profileB,
    keys: [keyA, keyB],
    expected: {
      users: 5,
      emailsRewritten: 4,
      // caller's other session, a1's API login and its signed-in context, a2's (enableTotp), b1's browser
      sessionsRevoked: 5,
      // the caller's other API login and a1's
      refreshTokensRevoked: 2,
      apiKeysRevoked: 2,
      tfaMethodsRemoved: 4,
      recoveryCodesRemoved: 30,
      loginCodesRevoked: 2,
      passwordResetsRevoked: 1,
      invitationsRevoked: 1,
      mailHeld: 2,
      mailDelivery: 'outbox' as const,
    },
  };
}

export type ProductionCopy = Awaited<ReturnType<typeof seedProductionCopy>>;

/**
 * Every row the reset may touch, in a stable order: equal snapshots mean nothing changed. Only the
 * bookkeeping any authenticated request writes is left out (a session's lastSeenAt, a key's lastUsedAt).
 */
export async function snapshotTables(rt: TestRuntime) {
  const sessionRows = await rt.db.select().from(sessions).orderBy(asc(sessions.id));
  const keyRows = await rt.db.select().from(apiKeys).orderBy(asc(apiKeys.id));
  return {
    users: await rt.db.select().from(users).orderBy(asc(users.id)),
    sessions: sessionRows.map(({ lastSeenAt: _, ...row }) => row),
    refreshTokens: await rt.db.select().from(refreshTokens).orderBy(asc(refreshTokens.tokenHash)),
    apiKeys: keyRows.map(({ lastUsedAt: _, ...row }) => row),
    tfaMethods: await rt.db.select().from(tfaMethods).orderBy(asc(tfaMethods.id)),
    recoveryCodes: await rt.db.select().from(recoveryCodes).orderBy(asc(recoveryCodes.id)),
    loginCodes: await rt.db.select().from(loginCodes).orderBy(asc(loginCodes.userId)),
    passwordResets: await rt.db.select().from(passwordResets).orderBy(asc(passwordResets.userId)),
    invitations: await rt.db.select().from(invitations).orderBy(asc(invitations.tokenHash)),
    outbox: await rt.db.select().from(outbox).orderBy(asc(outbox.id)),
    platformSettings: await rt.db.select().from(platformSettings).orderBy(asc(platformSettings.key)),
  };
}
