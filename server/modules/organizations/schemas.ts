import { z } from 'zod';
import { isCountryCode, isUsStateCode } from '@/server/core/places/catalog';
import { isoDate, message, uuidSchema } from '@/server/modules/auth/schemas';
import { flagValuesOutput } from '@/server/modules/flags/flag-values';
import {
  participantTagOutput,
  participantTagsSchema,
  participantTypesSchema,
} from '@/server/modules/profiles/participant-tags';

/**
 * Inputs and outputs of organizations and profiles; one definition each. Members, invitations
 * and the audit log are in server/modules/members/schemas.ts, participant tags in
 * server/modules/profiles/participant-tags.ts.
 */

/** The longest value each text field takes: the schemas below and the forms' counters read them. */
export const fieldLimits = {
  name: 200,
  personName: 100,
  state: 100,
  city: 100,
  line1: 200,
  line2: 200,
  postalCode: 20,
} as const;

export const nameSchema = z
  .string(message('must be text'))
  .trim()
  .min(1, 'is required')
  .max(fieldLimits.name);
export const personNameSchema = z.string(message('must be text')).trim().max(fieldLimits.personName);

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

const countryMessage = 'must be an ISO 3166-1 alpha-2 country code such as US';

/** An ISO 3166-1 alpha-2 code the catalog (server/core/places/catalog.ts) knows. */
export const countrySchema = z
  .string(message('must be text'))
  .regex(/^[A-Z]{2}$/, { error: countryMessage, abort: true })
  .refine(isCountryCode, { error: countryMessage });

const addressFields = {
  country: countrySchema,
  state: addressText(fieldLimits.state),
  city: addressText(fieldLimits.city),
  line1: addressText(fieldLimits.line1),
  line2: addressText(fieldLimits.line2),
  postalCode: addressText(fieldLimits.postalCode),
};

/** For a US address, a given state is one of the catalog's codes (NY, DC, PR); elsewhere it is free text. */
function checkUsState(address: { country?: string; state?: string }, ctx: z.RefinementCtx) {
  if (address.country === 'US' && address.state && !isUsStateCode(address.state))
    ctx.addIssue({ code: 'custom', path: ['state'], message: 'must be a US state code such as NY' });
}

/** An address: an ISO 3166-1 alpha-2 country; for US, a valid state code (or none). */
export const addressSchema = z.strictObject(addressFields).superRefine(checkUsState);

/** An address, or `{}` to clear it: country is required as soon as any field is given. */
export const addressOrEmptySchema = z
  .strictObject({ ...addressFields, country: addressFields.country.optional() })
  .superRefine((address, ctx) => {
    if (Object.keys(address).length > 0 && address.country === undefined)
      ctx.addIssue({ code: 'custom', path: ['country'], message: 'is required' });
    checkUsState(address, ctx);
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
      flags: flagValuesOutput,
    }),
  ),
});

/*
 * The forms' shapes: what a form holds (every text field as a string, "" when empty) checked with
 * the same field schemas as the API input above, and handed to the call in the API's shape.
 */

/**
 * Every part of an address as text (country null until one is chosen); the empty ones are left
 * out, so an empty address is `{}`: none on create, cleared on edit.
 */
export const addressFormSchema = z
  .object({
    country: z.string().nullable(),
    state: z.string(),
    city: z.string(),
    line1: z.string(),
    line2: z.string(),
    postalCode: z.string(),
  })
  .transform((address) =>
    Object.fromEntries(
      Object.entries(address)
        .map(([key, value]) => [key, (value ?? '').trim()])
        .filter(([, value]) => value !== ''),
    ),
  )
  .pipe(addressOrEmptySchema);

/** The admin console's organization form, create and edit alike (`""` and `{}` clear on edit). */
export const organizationFormSchema = z.object({
  name: nameSchema,
  taxId: taxIdSchema,
  duns: dunsSchema,
  address: addressFormSchema,
});
export type OrganizationFormValues = z.input<typeof organizationFormSchema>;

/** A profile's own editors (the dashboard): what profileUpdateInput takes besides the id. */
export const profileFormSchema = z.object({
  name: nameSchema,
  taxId: taxIdSchema,
  duns: dunsSchema,
  participantTags: participantTagsSchema,
});
export type ProfileFormValues = z.input<typeof profileFormSchema>;

/** The admin console's new profile: participant types too. */
export const adminProfileCreateFormSchema = profileFormSchema.extend({
  participantTypes: participantTypesSchema,
});

/** The admin console's profile page: participant types and status too. */
export const adminProfileEditFormSchema = adminProfileCreateFormSchema.extend({ status: organizationStatus });
