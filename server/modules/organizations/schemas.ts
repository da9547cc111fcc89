import { z } from 'zod';
import { isoDate, message, uuidSchema } from '@/server/modules/auth/schemas';
import { participantTagOutput, participantTagsSchema } from '@/server/modules/profiles/participant-tags';

/**
 * Inputs and outputs of organizations and profiles; one definition each. Members, invitations
 * and the audit log are in server/modules/members/schemas.ts, participant tags in
 * server/modules/profiles/participant-tags.ts.
 */

export const nameSchema = z.string(message('must be text')).trim().min(1, 'is required').max(200);
export const personNameSchema = z.string(message('must be text')).trim().max(100);

/** `""` clears the field (REST.md "Updates"). */
export const taxIdSchema = z
  .string(message('must be text'))
  .trim()
  .regex(/^$|^[A-Za-z0-9][A-Za-z0-9 ./-]{2,18}[A-Za-z0-9]$/, {
    error: 'must be 4 to 20 letters, digits, spaces, dots, dashes or slashes (for a US EIN: 9 digits)',
  })
  .describe('tax identifier such as a US EIN; "" clears it');

export const dunsSchema = z
  .string(message('must be text'))
  .trim()
  .regex(/^$|^\d{9}$/, { error: 'must be 9 digits' })
  .describe('D-U-N-S number, 9 digits; "" clears it');

const addressText = (max: number) => z.string(message('must be text')).trim().max(max).optional();

const addressFields = {
  country: z
    .string(message('must be text'))
    .regex(/^[A-Z]{2}$/, { error: 'must be an ISO 3166-1 alpha-2 country code such as US' }),
  state: addressText(100),
  city: addressText(100),
  line1: addressText(200),
  line2: addressText(200),
  postalCode: addressText(20),
};

/** An address, or `{}` to clear it: country is required as soon as any field is given. */
export const addressOrEmptySchema = z
  .strictObject({ ...addressFields, country: addressFields.country.optional() })
  .superRefine((address, ctx) => {
    if (Object.keys(address).length > 0 && address.country === undefined)
      ctx.addIssue({ code: 'custom', path: ['country'], message: 'is required' });
  });

const addressOutput = z.object({
  country: z.string(),
  state: z.string().optional(),
  city: z.string().optional(),
  line1: z.string().optional(),
  line2: z.string().optional(),
  postalCode: z.string().optional(),
});

export const organizationStatus = z.enum(['active', 'archive']);

export const organizationOutput = z.object({
  _id: z.string(),
  name: z.string(),
  taxId: z.string(),
  duns: z.string(),
  address: addressOutput.nullable(),
  status: organizationStatus,
  createdAt: isoDate,
  updatedAt: isoDate,
});

export const profileOutput = z.object({
  _id: z.string(),
  organizationId: z.string(),
  name: z.string(),
  taxId: z.string(),
  duns: z.string(),
  participantTypes: z.array(z.string()),
  participantTags: z.array(participantTagOutput),
  status: organizationStatus,
  createdAt: isoDate,
  updatedAt: isoDate,
});

/** What a member may change on their own profile (profiles.write); status and types stay with the platform. */
export const profileUpdateInput = z.strictObject({
  _id: uuidSchema,
  name: nameSchema.optional(),
  taxId: taxIdSchema.optional(),
  duns: dunsSchema.optional(),
  participantTags: participantTagsSchema.optional(),
});

export const profileIdInput = z.strictObject({ profileId: uuidSchema });
export const organizationIdInput = z.strictObject({ organizationId: uuidSchema });

/** #12: an organization the user belongs to, with the profiles they can see and their roles there. */
export const myOrganizationOutput = z.object({
  _id: z.string(),
  name: z.string(),
  status: organizationStatus,
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
  profiles: z.array(
    z.object({
      _id: z.string(),
      name: z.string(),
      participantTags: z.array(participantTagOutput),
      roles: z.array(z.string()),
      permissions: z.array(z.string()),
    }),
  ),
});
