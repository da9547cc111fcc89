import { z } from 'zod';
import { flagValuesOutput } from '@/server/modules/flags/flag-values';

/** Inputs and outputs of the identity procedures: defined once, used by tRPC, REST, OpenAPI and forms. */
type FieldIssue = { code?: string; input?: unknown; origin?: string; maximum?: unknown; minimum?: unknown };

const plural = (count: unknown, word: string) => `${count} ${word}${Number(count) === 1 ? '' : 's'}`;

/**
 * The messages every field shares, read as the end of a sentence about the field ("name: must be
 * at most 200 characters"): a missing field "is required", a length states its limit. Undefined
 * for any other issue (the schema's own message, or zod's, applies).
 */
export function sharedFieldMessage(issue: FieldIssue): string | undefined {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
  const unit = issue.origin === 'string' ? 'character' : issue.origin === 'array' ? 'item' : undefined;
  if (!unit) return undefined;
  if (issue.code === 'too_big') return `must be at most ${plural(issue.maximum, unit)}`;
  if (issue.code === 'too_small')
    return unit === 'character' && Number(issue.minimum) === 1
      ? 'is required'
      : `must be at least ${plural(issue.minimum, unit)}`;
  return undefined;
}

/** Also where no schema gives a message (the server sets it again in server/core/validation.ts). */
z.config({ customError: sharedFieldMessage });

/**
 * A field's message for a wrong value ("must be text", "must be an email address"): a missing
 * field still "is required" and a length still states its limit.
 */
export const message = (text: string) => ({
  error: (issue: FieldIssue) => sharedFieldMessage(issue) ?? text,
});

export const emailSchema = z.email(message('must be an email address')).max(254);
const secretText = z.string().min(1, 'is required').max(1024);
export const uuidSchema = z.uuid(message('must be an id'));

export const loginInput = z.strictObject({
  email: emailSchema,
  secret: secretText.describe('the password, or an 8-digit code from /auth/login/initiate'),
  tfaCode: z.string().trim().max(64).optional().describe('a TOTP code or a recovery code'),
  deviceToken: z
    .string()
    .max(512)
    .optional()
    .describe(
      'the deviceToken of an earlier successful login to this account: exempts the caller from the per-email delay (the per-IP and per-email+IP limits still apply)',
    ),
});

export const emailInput = z.strictObject({ email: emailSchema });

export const refreshInput = z.strictObject({
  refreshToken: z.string().min(1, 'is required').max(512).describe('header x-refresh-token'),
});

export const changePasswordInput = z.strictObject({
  password: z.string().max(1024).describe('the new password: 12+ characters, not a common one'),
  oldPassword: secretText,
});

export const tfaCreateInput = z.strictObject({ password: secretText, type: z.literal('totp') });
export const tfaActivateInput = z.strictObject({
  tfaCode: z.string().trim().min(1, 'is required').max(16),
  password: secretText
    .optional()
    .describe('required to re-activate a disabled method; not needed for a pending one'),
});
export const tfaChangeInput = z.strictObject({ tfaId: uuidSchema, password: secretText });

export const resetCompleteInput = z.strictObject({
  token: z.string().min(1).max(512),
  password: z.string().max(1024),
});
export const idInput = z.strictObject({ _id: uuidSchema });
export const emptyInput = z.strictObject({});

export const isoDate = z.string().describe('ISO-8601 UTC');

export const userOutput = z.object({
  _id: z.string(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  status: z.enum(['active', 'disabled']),
  passwordChangeRequired: z.boolean(),
  lastLoginAt: isoDate.nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
});

export const tokenPairOutput = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  accessTokenExpiresAt: isoDate,
  refreshTokenExpiresAt: isoDate,
});

export const loginOutput = tokenPairOutput.extend({
  user: userOutput,
  deviceToken: z
    .string()
    .describe(
      'keep it and send it with later logins to this account (valid 90 days): a sign-in from a known device is not delayed by failures elsewhere',
    ),
});

export const sentOutput = z.object({ status: z.literal('sent') });

export const meOutput = z.object({
  user: userOutput.extend({ tfaEnabled: z.boolean() }),
  platformRoles: z.array(z.string()),
  memberships: z.array(z.object({ organizationId: z.string(), name: z.string(), status: z.string() })),
  activeOrganization: z.object({ _id: z.string(), name: z.string() }).nullable(),
  roles: z.array(z.string()).describe("the active organization's role codes held at organization level"),
  permissions: z.array(z.string()).describe('effective permissions in the active organization'),
  profiles: z.array(
    z.object({
      _id: z.string(),
      name: z.string(),
      participantTags: z.array(
        z.object({
          tag: z.string(),
          measurers: z.array(z.object({ identifier: z.string(), standardTypes: z.array(z.string()) })),
          verifiers: z.array(z.object({ identifier: z.string() })),
        }),
      ),
      roles: z.array(z.string()).describe('role codes held on this profile itself'),
      permissions: z.array(z.string()).describe('effective permissions on this profile'),
      flags: flagValuesOutput,
    }),
  ),
});

export const tfaMethodOutput = z.object({
  _id: z.string(),
  type: z.literal('totp'),
  status: z.enum(['pending', 'active', 'disabled']),
  createdAt: isoDate,
  activatedAt: isoDate.nullable(),
});

export const tfaCreatedOutput = z.object({
  _id: z.string(),
  type: z.literal('totp'),
  status: z.literal('pending'),
  secret: z.string().describe('base32 TOTP secret'),
  otpauthUrl: z.string(),
  qrCode: z.string().describe('PNG data URL of the otpauth URL'),
});

export const tfaActivatedOutput = z.object({
  _id: z.string(),
  type: z.literal('totp'),
  status: z.literal('active'),
  recoveryCodes: z.array(z.string()).length(10),
});

export const sessionOutput = z.object({
  _id: z.string(),
  channel: z.enum(['api', 'browser']),
  device: z.string().nullable(),
  ip: z.string().nullable(),
  createdAt: isoDate,
  lastSeenAt: isoDate,
  current: z.boolean(),
});

export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const recoveryCodesStatusOutput = z.object({
  unused: z.number().int().describe('recovery codes not used yet'),
  total: z.number().int().describe('codes issued in the current set (0 before two-factor sign-in is on)'),
});
export const regenerateRecoveryCodesInput = z.strictObject({ password: secretText });
export const recoveryCodesOutput = z.object({
  recoveryCodes: z.array(z.string()).length(10).describe('shown once; the earlier codes stop working'),
});
export const revokedCountOutput = z.object({ revoked: z.number().int().describe('sessions ended') });

/*
 * The forms' shapes, derived from the inputs above (a rule is written once). A form holds strings,
 * trims the email and checks what it can before a round trip; the password policy stays the server's.
 */

/** The email as typed in a form: trimmed, required, then the API's rule. */
const formEmail = z.string().trim().min(1, 'is required').pipe(emailSchema);
/** An authenticator app's code: spaces allowed in the middle, then 6 digits. */
const authenticatorCode = z
  .string()
  .transform((value) => value.replace(/\s/g, ''))
  .pipe(tfaActivateInput.shape.tfaCode.regex(/^\d{6}$/, 'must be the 6 digits your app shows'));
const loginTfaCode = loginInput.shape.tfaCode.unwrap();

export const emailForm = z.object({ email: formEmail });

/** Sign-in, by step: the email alone (to email a code), email and secret, then the second factor. */
export const signInForms = {
  email: z.object({ email: formEmail, secret: z.string(), tfaCode: z.string() }),
  secret: z.object({ email: formEmail, secret: loginInput.shape.secret, tfaCode: z.string() }),
  tfa: z.object({
    email: formEmail,
    secret: loginInput.shape.secret,
    tfaCode: loginTfaCode.min(1, 'is required'),
  }),
};
/** A second factor after joining (the invitation's sign-in step): a TOTP or a recovery code. */
export const tfaCodeForm = z.object({ tfaCode: loginTfaCode.min(1, 'is required') });

const confirmed = <T extends { password: string; confirm: string }>(values: T) =>
  values.confirm === values.password;
const sameAsPassword = { path: ['confirm'], message: 'The two passwords differ.' };
const newPassword = changePasswordInput.shape.password.min(1, 'is required');

/** A new password and its confirmation (reset link, invitation for a new account). */
export const newPasswordForm = z
  .object({ password: newPassword, confirm: z.string() })
  .refine(confirmed, sameAsPassword);
/** The current password, new one and confirmation (account page, forced change). */
export const changePasswordForm = z
  .object({ oldPassword: changePasswordInput.shape.oldPassword, password: newPassword, confirm: z.string() })
  .refine(confirmed, sameAsPassword);
/** The account's password, asked again before a change to how it signs in. */
export const currentPasswordForm = z.object({ password: tfaCreateInput.shape.password });
/** A first code from the app, confirming a new authenticator. */
export const tfaActivateForm = z.object({ tfaCode: authenticatorCode });
/** Turning a disabled authenticator back on: the password and a code. */
export const tfaReactivateForm = z.object({
  password: tfaCreateInput.shape.password,
  tfaCode: authenticatorCode,
});
