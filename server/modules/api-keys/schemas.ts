import { z } from 'zod';
import { isoDate, message, uuidSchema } from '@/server/modules/auth/schemas';
import { auditDateTimeSchema } from '@/server/modules/members/schemas';
import { apiKeyScopeNames } from './catalog';

/** Inputs and outputs of API keys (#13, #14), one definition each; the dashboard's forms read them too. */

export const API_KEY_NAME_MAX = 100;
export const DEFAULT_API_KEY_NAME = 'API key';

export const apiKeyScopeSchema = z.enum(apiKeyScopeNames, {
  error: `must be one of ${apiKeyScopeNames.join(', ')}`,
});

export const apiKeyCreateInput = z.strictObject({
  profileId: uuidSchema,
  name: z
    .string(message('must be text'))
    .trim()
    .max(API_KEY_NAME_MAX)
    .optional()
    .describe(`a label for people; "${DEFAULT_API_KEY_NAME}" when absent or empty`),
  scopes: z
    .array(apiKeyScopeSchema)
    .max(apiKeyScopeNames.length)
    .optional()
    .describe("the key's scopes; absent: every non-admin scope the creator holds on the profile"),
  expiresAt: auditDateTimeSchema
    .optional()
    .describe('ISO-8601 date-time in the future after which the key is refused; absent: never'),
});

export const apiKeyRefInput = z.strictObject({ profileId: uuidSchema, _id: uuidSchema });
export const apiKeyListInput = z.strictObject({ profileId: uuidSchema });

/** The answer of create and rotate: the only place the client key ever appears. */
export const apiKeySecretOutput = z.object({
  _id: z.string(),
  clientId: z.string(),
  clientKey: z.string().describe('shown only in this answer; stored only as its SHA-256'),
  profileId: z.string(),
  name: z.string(),
  scopes: z.array(z.string()),
  expiresAt: isoDate.nullable(),
  createdAt: isoDate,
});

export const apiKeyOutput = z.object({
  _id: z.string(),
  clientId: z.string(),
  profileId: z.string(),
  name: z.string(),
  scopes: z.array(z.string()),
  permissions: z.array(z.string()).describe('what the key may do: its scopes within what its creator held'),
  expiresAt: isoDate.nullable(),
  lastUsedAt: isoDate.nullable().describe('updated at most once a minute'),
  rotatedAt: isoDate.nullable(),
  revokedAt: isoDate.nullable(),
  createdAt: isoDate,
  createdBy: z
    .object({ _id: z.string(), email: z.string(), firstName: z.string(), lastName: z.string() })
    .nullable(),
});

export const apiKeyListOutput = z.object({ items: z.array(apiKeyOutput) });
