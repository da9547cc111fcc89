import 'server-only';
/**
 * Every email the platform sends: pure functions of their data, plain text first. A message that
 * carries a code or a link says until when it works (`secretExpiresAt`): the outbox scrubs its body
 * then, even if it was never sent. Subjects never carry a secret (lock screens show them).
 */
export type Email = { kind: string; subject: string; text: string; html?: string; secretExpiresAt?: Date };

const signature = '\n\n— Provena\nIf this was not you, reset your password and contact your administrator.';
const invitationSignature = '\n\n— Provena\nIf you did not expect this, you can ignore this email.';

/** Organization names are typed by people: one line, so a name cannot shape the subject or the text. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

type Invitation = { organizationName: string; invitedBy: string; link: string; expiresAt: Date };

export const emails = {
  loginCode: (code: string, expiresAt: Date): Email => ({
    kind: 'login-code',
    subject: 'Your Provena sign-in code',
    secretExpiresAt: expiresAt,
    text: `Your one-time sign-in code is ${code}.\n\nIt works once, for 10 minutes. Requesting a new code ends this one.${signature}`,
  }),
  passwordReset: (link: string, expiresAt: Date): Email => ({
    kind: 'password-reset',
    subject: 'Reset your Provena password',
    secretExpiresAt: expiresAt,
    text: `Someone asked to reset the password of your Provena account. To choose a new password, open:\n\n${link}\n\nThe link works once, for one hour.${signature}`,
  }),
  /** An account an administrator made without a password: the link sets the first one. */
  accountCreated: ({
    createdBy,
    link,
    expiresAt,
  }: {
    createdBy: string;
    link: string;
    expiresAt: Date;
  }): Email => ({
    kind: 'account-created',
    subject: 'Your Provena account is ready: set your password',
    secretExpiresAt: expiresAt,
    text: `${oneLine(createdBy)} created a Provena account for you. To choose your password and sign in, open:\n\n${link}\n\nThe link works once, for one hour. If it has expired, choose "Forgot your password?" on the sign-in page to get a new one.${invitationSignature}`,
  }),
  passwordChanged: (how: 'changed' | 'reset' | 'set by an administrator'): Email => ({
    kind: 'security-password',
    subject: 'Your Provena password was changed',
    text: `The password of your Provena account was ${how}. Every other session was signed out.${signature}`,
  }),
  tfaChanged: (change: 'activated' | 'disabled' | 'removed'): Email => ({
    kind: 'security-tfa',
    subject: `Two-factor authentication ${change} on your Provena account`,
    text: `An authenticator app was ${change} for two-factor sign-in on your Provena account.${signature}`,
  }),
  invitation: ({ organizationName, invitedBy, link, expiresAt }: Invitation): Email => ({
    kind: 'invitation',
    subject: `${oneLine(invitedBy)} invited you to ${oneLine(organizationName)} on Provena`,
    secretExpiresAt: expiresAt,
    text: `${oneLine(invitedBy)} invited you to join ${oneLine(organizationName)} on Provena. To accept, open:\n\n${link}\n\nThe link works once, until ${expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC. A newer invitation replaces it. If you already have a Provena account, you can also accept or decline it on your dashboard once signed in.${invitationSignature}`,
  }),
};
