import { beforeAll, describe, expect, it } from 'vitest';
import { changePassword } from '@/server/modules/auth/services/change-password';
import { initiateLogin } from '@/server/modules/auth/services/initiate-login';
import { completePasswordReset, requestPasswordReset } from '@/server/modules/auth/services/reset-password';
import { createStaff } from '../admin/helpers';
import { apiLogin, latestEmail, loginCodeIn, uniqueIp } from '../helpers/identity';
import { expectRefused } from '../helpers/refusals';
import { contextOf, createUser, signedIn, testMeta, testRuntime, uniqueEmail } from '../helpers/runtime';

let staff: Awaited<ReturnType<typeof createStaff>>;
const rt = testRuntime();
beforeAll(async () => {
  staff = await createStaff(rt);
});

const NEW_PASSWORD = 'the password after the change';
const ctx = () => contextOf(rt, testMeta({ ip: uniqueIp() }));

/** The token of the reset link mailed to this address. */
async function mailedResetToken(email: string) {
  await requestPasswordReset(ctx(), { email });
  const mail = await latestEmail(rt, email, 'password-reset');
  return new URL(/(https?:\/\/\S+)/.exec(mail.text)![1]!).searchParams.get('token')!;
}

/** The sign-in code mailed to this address. */
async function mailedLoginCode(email: string) {
  await initiateLogin(ctx(), { email });
  return loginCodeIn((await latestEmail(rt, email, 'login-code')).text);
}

const resetWith = (token: string) =>
  completePasswordReset(ctx(), { token, password: 'yet another password 7' });
const codeLogin = (email: string, code: string) => apiLogin(rt, { email, secret: code }, uniqueIp());

describe('mailed reset links and login codes die with the password', () => {
  it('refuses a reset link and a login code mailed before a password change', async () => {
    const user = await createUser(rt);
    const token = await mailedResetToken(user.email);
    const code = await mailedLoginCode(user.email);
    const actor = { ...(await signedIn(rt, user.id)), meta: testMeta({ ip: uniqueIp() }) };

    await changePassword(actor, { oldPassword: user.password, password: NEW_PASSWORD });

    await expectRefused(resetWith(token), 'LINK_INVALID');
    await expectRefused(codeLogin(user.email, code), 'INVALID_CREDENTIALS');
    expect((await apiLogin(rt, { email: user.email, secret: NEW_PASSWORD }, uniqueIp())).kind).toBe('ok');
  });

  it('refuses an earlier reset link and a login code mailed before a completed reset', async () => {
    const user = await createUser(rt);
    const earlier = await mailedResetToken(user.email);
    const code = await mailedLoginCode(user.email);
    const used = await mailedResetToken(user.email);

    await completePasswordReset(ctx(), { token: used, password: NEW_PASSWORD });

    await expectRefused(resetWith(earlier), 'LINK_INVALID');
    await expectRefused(codeLogin(user.email, code), 'INVALID_CREDENTIALS');
    expect((await apiLogin(rt, { email: user.email, secret: NEW_PASSWORD }, uniqueIp())).kind).toBe('ok');
  });

  it('refuses the reset link and login code sent to the old address after an admin changes the email', async () => {
    const user = await createUser(rt);
    const token = await mailedResetToken(user.email);
    const code = await mailedLoginCode(user.email);
    const email = uniqueEmail('moved');

    await staff.asAdmin.admin.users.update({ _id: user.id, email });

    await expectRefused(resetWith(token), 'LINK_INVALID');
    await expectRefused(codeLogin(email, code), 'INVALID_CREDENTIALS');
    expect((await apiLogin(rt, { email, secret: user.password }, uniqueIp())).kind).toBe('ok');
  });

  it('keeps the mailed link and code when an admin changes only the name', async () => {
    const user = await createUser(rt);
    const code = await mailedLoginCode(user.email);
    const token = await mailedResetToken(user.email);

    await staff.asAdmin.admin.users.update({ _id: user.id, firstName: 'Renamed' });

    expect((await codeLogin(user.email, code)).kind).toBe('ok');
    await completePasswordReset(ctx(), { token, password: NEW_PASSWORD });
  });

  it('refuses a reset link and a login code mailed before an admin sets a temporary password', async () => {
    const user = await createUser(rt);
    const token = await mailedResetToken(user.email);
    const code = await mailedLoginCode(user.email);

    await staff.asAdmin.admin.users.setPassword({ userId: user.id, password: NEW_PASSWORD });

    await expectRefused(resetWith(token), 'LINK_INVALID');
    await expectRefused(codeLogin(user.email, code), 'INVALID_CREDENTIALS');
  });
});
