import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { outbox } from '@/db/schema';
import { DAY, HOUR, MINUTE } from '@/server/core/clock';
import { deriveKeys } from '@/server/core/crypto';
import { runDueJobs } from '@/server/jobs/run-due-jobs';
import { sweepExpiredRows } from '@/server/jobs/sweep-expired-rows';
import { initiateLogin } from '@/server/modules/auth/services/initiate-login';
import { requestPasswordReset } from '@/server/modules/auth/services/reset-password';
import { openEmail } from '@/server/modules/mail/seal';
import { deliverOutbox, type MailTransport } from '@/server/modules/mail/services/deliver-outbox';
import { enqueueEmail } from '@/server/modules/mail/services/enqueue-email';
import { listOutbox } from '@/server/modules/mail/services/list-outbox';
import { emails } from '@/server/modules/mail/templates';
import { latestEmail, loginCodeIn, openOutboxRow, uniqueIp } from '../helpers/identity';
import { createTenant } from '../helpers/organizations';
import { contextOf, createUser, testMeta, testRuntime, uniqueEmail } from '../helpers/runtime';
import { inviteNew } from '../organizations/support';

const rt = testRuntime();

/** The row exactly as the database holds it, every column as text. */
const rawRow = async (id: string) => {
  const [row] = await rt.db.select().from(outbox).where(eq(outbox.id, id));
  return row!;
};
const rawText = async (id: string) => JSON.stringify(await rawRow(id));

const ctx = () => contextOf(rt, testMeta({ ip: uniqueIp() }));

/** A transport that keeps what it was given (the real SMTP path is in outbox.test.ts). */
const recordingTransport = () => {
  const sent: Parameters<MailTransport['send']>[0][] = [];
  return { sent, send: async (message: (typeof sent)[number]) => void sent.push(message) };
};

async function loginCodeMail() {
  const user = await createUser(rt);
  await initiateLogin(ctx(), { email: user.email });
  const mail = await latestEmail(rt, user.email, 'login-code');
  return { user, mail, code: loginCodeIn(mail.text) };
}

describe('outbox rows hold no live secret in clear', () => {
  it('keeps neither the code nor the subject of a login-code mail in any column', async () => {
    const { mail, code } = await loginCodeMail();
    const raw = await rawText(mail.id);
    expect(raw).not.toContain(code);
    expect(raw).not.toContain('sign-in code');
    expect(mail.subject).not.toContain(code);
    expect((await rawRow(mail.id)).secretExpiresAt!.getTime()).toBe(rt.clock.now().getTime() + 10 * MINUTE);
  });

  it('keeps neither the link nor the token of a reset mail in any column', async () => {
    const user = await createUser(rt);
    await requestPasswordReset(ctx(), { email: user.email });
    const mail = await latestEmail(rt, user.email, 'password-reset');
    const link = /(https?:\/\/\S+)/.exec(mail.text)![1]!;
    const token = new URL(link).searchParams.get('token')!;
    const raw = await rawText(mail.id);
    for (const secret of [link, token, encodeURIComponent(token), 'reset-password?token']) {
      expect(raw).not.toContain(secret);
    }
    expect((await rawRow(mail.id)).secretExpiresAt!.getTime()).toBe(rt.clock.now().getTime() + HOUR);
  });

  it('keeps neither the link nor the token of an invitation mail in any column', async () => {
    const tenant = await createTenant(rt);
    const { email, token } = await inviteNew(rt, tenant);
    const mail = await latestEmail(rt, email, 'invitation');
    const raw = await rawText(mail.id);
    for (const secret of [token, encodeURIComponent(token), 'accept-invitation?token']) {
      expect(raw).not.toContain(secret);
    }
    expect((await rawRow(mail.id)).secretExpiresAt!.getTime()).toBe(rt.clock.now().getTime() + 7 * DAY);
  });

  it('opens only with the key derived from this AUTH_SECRET, and only on its own row', async () => {
    const { mail, code } = await loginCodeMail();
    const row = await rawRow(mail.id);
    const sealed = { ...row, sealed: row.sealed! };
    expect(openEmail(rt.keys, sealed).text).toContain(code);
    const otherKeys = deriveKeys('another-secret-that-is-long-enough-for-hkdf');
    expect(() => openEmail(otherKeys, sealed)).toThrow();
    // The same bytes copied onto a row for another recipient do not open (bound to id, to and kind).
    expect(() => openEmail(rt.keys, { ...sealed, to: 'attacker@example.com' })).toThrow();
    const tampered = `${sealed.sealed.slice(0, -2)}${sealed.sealed.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(() => openEmail(rt.keys, { ...sealed, sealed: tampered })).toThrow();
  });
});

describe('scrubbing the outbox', () => {
  it('sends the opened subject and body, then sets the sealed content to null', async () => {
    const { user, mail, code } = await loginCodeMail();
    const transport = recordingTransport();
    await deliverOutbox(rt, transport);
    const delivered = transport.sent.find((m) => m.to === user.email)!;
    expect(delivered).toMatchObject({ subject: 'Your Provena sign-in code' });
    expect(delivered.text).toContain(code);
    expect(await rawRow(mail.id)).toMatchObject({ status: 'sent', sealed: null });
  });

  it('scrubs a failed message once it is given up', async () => {
    const to = uniqueEmail('bounce');
    await enqueueEmail(
      rt.db,
      rt,
      to,
      emails.loginCode('12345678', new Date(rt.clock.now().getTime() + DAY)),
      rt.clock.now(),
    );
    const broken = { send: async () => Promise.reject(new Error('mailbox unavailable')) };
    for (let i = 0; i < 10; i++) {
      await deliverOutbox(rt, broken);
      rt.clock.advance(HOUR / 2);
    }
    const [row] = await rt.db.select().from(outbox).where(eq(outbox.to, to));
    expect(row).toMatchObject({ status: 'failed', sealed: null });
  });

  it('scrubs a message whose code expired without being sent, and never sends it afterwards', async () => {
    const { user, mail } = await loginCodeMail();
    rt.clock.advance(10 * MINUTE);
    const transport = recordingTransport();
    await deliverOutbox(rt, transport); // expired: not sent even before the sweep has run
    expect(transport.sent.filter((m) => m.to === user.email)).toEqual([]);

    await sweepExpiredRows(rt);
    expect(await rawRow(mail.id)).toMatchObject({ status: 'expired', sealed: null });
    await deliverOutbox(rt, transport);
    expect(transport.sent.filter((m) => m.to === user.email)).toEqual([]);
  });

  it('keeps a pending mail whose link still works, and a notice that carries no secret, sealed', async () => {
    const user = await createUser(rt);
    await requestPasswordReset(ctx(), { email: user.email });
    await runDueJobs(rt);
    await enqueueEmail(rt.db, rt, user.email, emails.passwordChanged('changed'), rt.clock.now());
    rt.clock.advance(HOUR - 1000);
    await sweepExpiredRows(rt);
    const reset = await latestEmail(rt, user.email, 'password-reset');
    const notice = await latestEmail(rt, user.email, 'security-password');
    expect(reset).toMatchObject({ status: 'pending' });
    expect(reset.text).toContain('/reset-password?token=');
    expect(notice).toMatchObject({ status: 'pending', secretExpiresAt: null });
    expect(notice.text).toContain('was changed');
  });

  it('shows the dev mailbox the opened message, and a scrubbed one as removed', async () => {
    const { user, mail, code } = await loginCodeMail();
    const listed = (await listOutbox(rt, { limit: 200 })).find((m) => m.id === mail.id)!;
    expect(listed).toMatchObject({ to: user.email, subject: 'Your Provena sign-in code', scrubbed: false });
    expect(listed.text).toContain(code);
    await deliverOutbox(rt, recordingTransport());
    const scrubbed = (await listOutbox(rt, { limit: 200 })).find((m) => m.id === mail.id)!;
    expect(scrubbed).toMatchObject({ status: 'sent', scrubbed: true, text: '' });
    expect(openOutboxRow(rt, await rawRow(mail.id)).text).toBe('');
  });
});
