import { z } from 'zod';
import { isoDate, message } from '@/server/modules/auth/schemas';

/** Inputs and outputs of the preproduction reset (REST #43) and the console's status of it. */

export const appEnvironments = ['development', 'test', 'preproduction', 'production'] as const;

/** Sign-in older than this cannot reset: the operator proves the password again first. */
export const FRESH_SIGN_IN_MINUTES = 10;

export const preproductionResetInput = z.strictObject({
  password: z
    .string(message('must be text'))
    .max(1024)
    .describe(
      'the temporary password every user gets (changed at their next sign-in); the password policy applies',
    ),
});

/** The console's form: the password and the word RESET typed out, so a reset is never one stray click. */
export const preproductionResetFormSchema = preproductionResetInput.extend({
  confirm: z.string().refine((value) => value.trim() === 'RESET', 'Type RESET in capitals to confirm'),
});

const count = z.number().int().min(0);

/** What one reset changed, kind by kind (the audit event keeps the same counts). */
export const preproductionResetSummary = z.object({
  users: count.describe('every user: the temporary password, to be changed at the next sign-in'),
  emailsRewritten: count.describe('emails rewritten to user-<id>@preproduction.invalid (all but the caller)'),
  sessionsRevoked: count.describe("live sessions ended (all but the caller's current one)"),
  refreshTokensRevoked: count.describe('unspent refresh tokens of those sessions, spent'),
  apiKeysRevoked: count,
  tfaMethodsRemoved: count,
  recoveryCodesRemoved: count,
  loginCodesRevoked: count,
  passwordResetsRevoked: count,
  invitationsRevoked: count.describe('live invitation links, expired (the invited members stay invited)'),
  mailHeld: count.describe('queued mail not yet sent: kept in the outbox, never sent'),
  mailDelivery: z.literal('outbox'),
});

export type PreproductionResetSummary = z.infer<typeof preproductionResetSummary>;

export const preproductionStatusOutput = z.object({
  environment: z.enum(appEnvironments),
  resetAvailable: z.boolean().describe('true only when the deployment runs as preproduction'),
  freshSignIn: z
    .object({ signedInAt: isoDate, freshUntil: isoDate })
    .nullable()
    .describe("the caller's sign-in while it is fresh enough to reset; null once older than 10 minutes"),
  mailDelivery: z.enum(['normal', 'outbox']),
  lastReset: z
    .object({
      at: isoDate,
      by: z.object({ _id: z.string(), email: z.string() }).nullable(),
      summary: preproductionResetSummary.partial(),
    })
    .nullable(),
});

export type PreproductionStatus = z.infer<typeof preproductionStatusOutput>;
