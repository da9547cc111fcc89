import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '@/db/schema';
import { HOUR } from '@/server/core/clock';
import { initiateLogin } from '@/server/modules/auth/services/initiate-login';
import { deliverOutbox, type MailTransport } from '@/server/modules/mail/services/deliver-outbox';
import { enqueueEmail } from '@/server/modules/mail/services/enqueue-email';
import { smtpTransport } from '@/server/modules/mail/transport';
import { latestEmail, loginCodeIn, uniqueIp } from '../helpers/identity';
import { raceTest } from '../helpers/race';
import { contextOf, createUser, testMeta, testRuntime, uniqueEmail } from '../helpers/runtime';

type Received = { from: string; to: string[]; raw: string };

/** A real SMTP server in this process (no TLS, no auth), keeping every message it receives. */
async function startSmtpServer() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { received, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Undoes quoted-printable soft breaks and escapes, enough to read a plain-text body. */
const decodeQuotedPrintable = (raw: string) =>
  raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let transport: ReturnType<typeof smtpTransport>;
const rt = testRuntime({ MAIL_FROM: 'Provena <no-reply@provena.test>' });
beforeAll(async () => {
  smtp = await startSmtpServer();
  transport = smtpTransport(`smtp://127.0.0.1:${smtp.port}`);
});
afterAll(async () => {
  transport.close();
  await smtp.close();
});

const rowById = async (id: string) => (await rt.db.select().from(outbox).where(eq(outbox.id, id)))[0]!;
const receivedBy = (to: string) => smtp.received.filter((m) => m.to.includes(to));

const failing = (message = 'connection refused by test'): MailTransport & { calls: number } => {
  const t = {
    calls: 0,
    async send() {
      t.calls++;
      throw new Error(message);
    },
  };
  return t;
};

describe('outbox delivery over SMTP', () => {
  it('delivers a login code to a real SMTP server with its recipient, subject and body', async () => {
    const user = await createUser(rt);
    await initiateLogin(contextOf(rt, testMeta({ ip: uniqueIp() })), { email: user.email });
    const row = await latestEmail(rt, user.email, 'login-code');
    const code = loginCodeIn(row.text);

    expect(await deliverOutbox(rt, transport)).toBeGreaterThanOrEqual(1);

    const [mail] = receivedBy(user.email);
    expect(mail).toBeDefined();
    expect(mail!.to).toEqual([user.email]);
    expect(mail!.from).toBe('no-reply@provena.test');
    const text = decodeQuotedPrintable(mail!.raw);
    expect(text).toContain('Subject: Your Provena sign-in code\r\n');
    expect(text).not.toMatch(new RegExp(`Subject:[^\\r\\n]*${code}`));
    expect(text).toContain(`Your one-time sign-in code is ${code}.`);
    const sent = await rowById(row.id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(sent.sentAt).not.toBeNull();
  });

  it('does not send a sent row twice', async () => {
    const to = uniqueEmail('once');
    await enqueueEmail(rt.db, rt, to, { kind: 'test', subject: 'Once only', text: 'hello' }, rt.clock.now());
    await deliverOutbox(rt, transport);
    rt.clock.advance(HOUR);
    await deliverOutbox(rt, transport);
    expect(receivedBy(to)).toHaveLength(1);
  });

  it('leaves a row pending with attempts and lastError when the transport fails, then retries it later', async () => {
    const to = uniqueEmail('retry');
    await enqueueEmail(rt.db, rt, to, { kind: 'test', subject: 'Retry me', text: 'hello' }, rt.clock.now());
    const [queued] = await rt.db.select().from(outbox).where(eq(outbox.to, to));

    const broken = failing();
    expect(await deliverOutbox(rt, broken)).toBe(0);
    expect(broken.calls).toBeGreaterThanOrEqual(1);
    const afterFailure = await rowById(queued!.id);
    expect(afterFailure).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'connection refused by test',
    });
    expect(afterFailure.nextAttemptAt.getTime()).toBeGreaterThan(rt.clock.now().getTime());

    // not due yet: a working transport right away sends nothing for this row
    await deliverOutbox(rt, transport);
    expect(receivedBy(to)).toHaveLength(0);

    rt.clock.advance(HOUR);
    await deliverOutbox(rt, transport);
    expect(receivedBy(to)).toHaveLength(1);
    expect(await rowById(queued!.id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('gives a row up as failed after 8 attempts', async () => {
    const to = uniqueEmail('doomed');
    await enqueueEmail(
      rt.db,
      rt,
      to,
      { kind: 'test', subject: 'Never arrives', text: 'hello' },
      rt.clock.now(),
    );
    const [queued] = await rt.db.select().from(outbox).where(eq(outbox.to, to));
    const broken = failing('mailbox unavailable');
    for (let i = 0; i < 10; i++) {
      await deliverOutbox(rt, broken);
      rt.clock.advance(HOUR);
    }
    expect(await rowById(queued!.id)).toMatchObject({
      status: 'failed',
      attempts: 8,
      lastError: 'mailbox unavailable',
    });
    await deliverOutbox(rt, transport);
    expect(receivedBy(to)).toHaveLength(0);
  });

  raceTest('lets only one of two parallel workers send a row', async () => {
    const to = uniqueEmail('race');
    await enqueueEmail(
      rt.db,
      rt,
      to,
      { kind: 'test', subject: 'Exactly once', text: 'hello' },
      rt.clock.now(),
    );
    rt.clock.advance(HOUR); // every other test's retries are due too; whatever: each row goes once
    await Promise.all([deliverOutbox(rt, transport), deliverOutbox(rt, transport)]);
    expect(receivedBy(to)).toHaveLength(1);
  });
});
