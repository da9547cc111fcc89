import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { jobs, loginCodes, outbox, passwordResets, users } from '@/db/schema';
import { runDueJobs } from '@/server/jobs/run-due-jobs';
import { initiateLogin } from '@/server/modules/auth/services/initiate-login';
import { requestPasswordReset } from '@/server/modules/auth/services/reset-password';
import { openTestDatabase, recordStatements } from '../helpers/database';
import {
  apiLogin,
  auditRows,
  emailsTo,
  latestEmail,
  loginCodeIn,
  uniqueIp,
  uniqueRequestId,
} from '../helpers/identity';
import { contextOf, createUser, testMeta, testRuntime, uniqueEmail } from '../helpers/runtime';

let statements: string[];
const rt = testRuntime({}, async () => {
  const recorded = recordStatements(await openTestDatabase());
  statements = recorded.statements;
  return { database: recorded.database };
});

type Request = typeof initiateLogin;

/** The SQL texts one request issues (its parameters differ by email, its statements must not). */
async function statementsOf(request: Request, email: string) {
  await runDueJobs(rt); // nothing left over from earlier tests runs inside the recording
  statements.length = 0;
  expect(await request(contextOf(rt, testMeta({ ip: uniqueIp() })), { email })).toEqual({ status: 'sent' });
  return [...statements];
}

const rawOutboxTo = (to: string) => rt.db.select().from(outbox).where(eq(outbox.to, to));

describe.each([
  ['initiateLogin', initiateLogin, 'mail.login-code'],
  ['requestPasswordReset', requestPasswordReset, 'mail.password-reset'],
] as const)('%s does the same work for every email', (_name, request, kind) => {
  it('issues the same SQL statements for a known, a disabled and an unknown email', async () => {
    const known = await createUser(rt);
    const disabled = await createUser(rt);
    await rt.db.update(users).set({ status: 'disabled' }).where(eq(users.id, disabled.id));

    const forKnown = await statementsOf(request, known.email);
    const forDisabled = await statementsOf(request, disabled.email);
    const forUnknown = await statementsOf(request, uniqueEmail('nobody'));

    expect(forKnown).toEqual(forUnknown);
    expect(forDisabled).toEqual(forUnknown);
    expect(forKnown.some((sql) => /^insert into "jobs"/.test(sql))).toBe(true);
  });

  it(`queues one ${kind} job with the normalized email and writes no mail before it runs`, async () => {
    const user = await createUser(rt);
    await runDueJobs(rt);
    await request(contextOf(rt, testMeta({ ip: uniqueIp() })), { email: ` ${user.email.toUpperCase()} ` });
    const queued = (await rt.db.select().from(jobs).where(eq(jobs.kind, kind))).filter(
      (job) => job.status === 'pending',
    );
    expect(queued.map((job) => (job.payload as { email: string }).email)).toEqual([user.email]);
    expect(await rawOutboxTo(user.email)).toEqual([]);
  });
});

describe('the jobs behind initiate and reset', () => {
  it('email an active user a working sign-in code once the job has run', async () => {
    const user = await createUser(rt);
    await initiateLogin(contextOf(rt, testMeta({ ip: uniqueIp() })), { email: user.email });
    expect(await rt.db.select().from(loginCodes).where(eq(loginCodes.userId, user.id))).toEqual([]);

    await runDueJobs(rt);
    const code = loginCodeIn((await latestEmail(rt, user.email, 'login-code')).text);
    expect((await apiLogin(rt, { email: user.email, secret: code })).kind).toBe('ok');
  });

  it('email an active user a reset link and audit the request under its own request id and IP', async () => {
    const user = await createUser(rt);
    const requestId = uniqueRequestId();
    const ip = uniqueIp();
    await requestPasswordReset(contextOf(rt, testMeta({ ip, requestId })), { email: user.email });
    expect(await auditRows(rt, { requestId })).toEqual([]);

    await runDueJobs(rt);
    expect(await rt.db.select().from(passwordResets).where(eq(passwordResets.userId, user.id))).toHaveLength(
      1,
    );
    expect((await latestEmail(rt, user.email, 'password-reset')).text).toContain('/reset-password?token=');
    const [event] = await auditRows(rt, { requestId });
    expect(event).toMatchObject({ action: 'auth.password.reset.requested', subjectUserId: user.id, ip });
  });

  it('send nothing and create no code or token for an unknown or a disabled email', async () => {
    const disabled = await createUser(rt);
    await rt.db.update(users).set({ status: 'disabled' }).where(eq(users.id, disabled.id));
    const unknown = uniqueEmail('ghost');
    for (const email of [unknown, disabled.email]) {
      await initiateLogin(contextOf(rt, testMeta({ ip: uniqueIp() })), { email });
      await requestPasswordReset(contextOf(rt, testMeta({ ip: uniqueIp() })), { email });
    }
    await runDueJobs(rt);
    expect(await emailsTo(rt, unknown)).toEqual([]);
    expect(await emailsTo(rt, disabled.email)).toEqual([]);
    expect(await rt.db.select().from(loginCodes).where(eq(loginCodes.userId, disabled.id))).toEqual([]);
    expect(await rt.db.select().from(passwordResets).where(eq(passwordResets.userId, disabled.id))).toEqual(
      [],
    );
    const pending = await rt.db.select().from(jobs).where(eq(jobs.status, 'pending'));
    expect(pending.filter((job) => job.kind.startsWith('mail.'))).toEqual([]);
  });
});
