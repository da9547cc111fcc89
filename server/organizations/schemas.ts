import { z } from 'zod';
import { emailSchema, isoDate, message, uuidSchema } from '../auth/schemas';
import { pageInput, pageOf } from '../pagination';
import { type RoleCode, roleCodes, roles } from '../rbac/catalog';
import {
  measurers,
  participantTagCodes,
  participantTags,
  participantTypeCodes,
  standardTypeCodes,
  verifiers,
} from '../rbac/participants';

/** Inputs and outputs of organizations, profiles, members and invitations; one definition each. */

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

export const addressFields = {
  country: z
    .string(message('must be text'))
    .regex(/^[A-Z]{2}$/, { error: 'must be an ISO 3166-1 alpha-2 country code such as US' }),
  state: addressText(100),
  city: addressText(100),
  line1: addressText(200),
  line2: addressText(200),
  postalCode: addressText(20),
};

export const addressSchema = z.strictObject(addressFields);

/** An address, or `{}` to clear it: country is required as soon as any field is given. */
export const addressOrEmptySchema = z
  .strictObject({ ...addressFields, country: addressFields.country.optional() })
  .superRefine((address, ctx) => {
    if (Object.keys(address).length > 0 && address.country === undefined)
      ctx.addIssue({ code: 'custom', path: ['country'], message: 'is required' });
  });

export const addressOutput = z.object({
  country: z.string(),
  state: z.string().optional(),
  city: z.string().optional(),
  line1: z.string().optional(),
  line2: z.string().optional(),
  postalCode: z.string().optional(),
});

export const roleCodeSchema = z.enum(roleCodes as [RoleCode, ...RoleCode[]]);
const tagCodeSchema = z.enum(participantTagCodes as [string, ...string[]]);
const measurerIdSchema = z.enum(Object.keys(measurers) as [string, ...string[]]);
const verifierIdSchema = z.enum(Object.keys(verifiers) as [string, ...string[]]);
const standardTypeSchema = z.enum(standardTypeCodes as [string, ...string[]]);

export const participantTypesSchema = z
  .array(z.enum(participantTypeCodes as [string, ...string[]]))
  .max(participantTypeCodes.length)
  .refine((types) => new Set(types).size === types.length, 'must not repeat a type');

const participantTagInput = z.strictObject({
  tag: tagCodeSchema,
  measurers: z
    .array(
      z.strictObject({
        identifier: measurerIdSchema,
        standardTypes: z.array(standardTypeSchema).min(1, 'needs at least one standard type').max(10),
      }),
    )
    .max(20)
    .optional(),
  verifiers: z
    .array(z.strictObject({ identifier: verifierIdSchema }))
    .max(20)
    .optional(),
});

/** Tags replace the profile's whole list; each tag takes only the measurers and verifiers the catalog allows it. */
export const participantTagsSchema = z
  .array(participantTagInput)
  .max(participantTagCodes.length)
  .superRefine((tags, ctx) => {
    const seen = new Set<string>();
    tags.forEach((entry, i) => {
      if (seen.has(entry.tag)) ctx.addIssue({ code: 'custom', path: [i, 'tag'], message: 'is listed twice' });
      seen.add(entry.tag);
      const allowed = participantTags[entry.tag as keyof typeof participantTags];
      const allowedMeasurers: readonly string[] = allowed.measurers;
      const allowedVerifiers: readonly string[] = allowed.verifiers;
      const measurerIds = new Set<string>();
      entry.measurers?.forEach((m, j) => {
        const path = [i, 'measurers', j];
        if (!allowedMeasurers.includes(m.identifier))
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'identifier'],
            message: allowedMeasurers.length
              ? `is not a measurer for ${entry.tag}; allowed: ${allowedMeasurers.join(', ')}`
              : `${entry.tag} takes no measurers`,
          });
        if (measurerIds.has(m.identifier))
          ctx.addIssue({ code: 'custom', path: [...path, 'identifier'], message: 'is listed twice' });
        measurerIds.add(m.identifier);
        const standards: readonly string[] = measurers[m.identifier as keyof typeof measurers].standardTypes;
        m.standardTypes.forEach((s, k) => {
          if (!standards.includes(s))
            ctx.addIssue({
              code: 'custom',
              path: [...path, 'standardTypes', k],
              message: `is not a standard ${m.identifier} reports to; allowed: ${standards.join(', ')}`,
            });
        });
        if (new Set(m.standardTypes).size !== m.standardTypes.length)
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'standardTypes'],
            message: 'must not repeat a type',
          });
      });
      const verifierIds = new Set<string>();
      entry.verifiers?.forEach((v, j) => {
        if (!allowedVerifiers.includes(v.identifier))
          ctx.addIssue({
            code: 'custom',
            path: [i, 'verifiers', j, 'identifier'],
            message: allowedVerifiers.length
              ? `is not a verifier for ${entry.tag}; allowed: ${allowedVerifiers.join(', ')}`
              : `${entry.tag} takes no verifiers`,
          });
        if (verifierIds.has(v.identifier))
          ctx.addIssue({
            code: 'custom',
            path: [i, 'verifiers', j, 'identifier'],
            message: 'is listed twice',
          });
        verifierIds.add(v.identifier);
      });
    });
  });

export const participantTagOutput = z.object({
  tag: z.string(),
  measurers: z.array(z.object({ identifier: z.string(), standardTypes: z.array(z.string()) })),
  verifiers: z.array(z.object({ identifier: z.string() })),
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

export const memberStatus = z.enum(['active', 'invited']);

export const memberOutput = z.object({
  _id: z.string().describe('the user id'),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  status: memberStatus,
  roles: z.array(z.string()).describe('organization-level role codes'),
  profileRoles: z.array(z.object({ profileId: z.string(), roleCodes: z.array(z.string()) })),
  invitedAt: isoDate,
  joinedAt: isoDate.nullable(),
  invitationExpiresAt: isoDate.nullable(),
});

export const memberListInput = z.strictObject({
  organizationId: uuidSchema.optional().describe('defaults to x-active-organization-id'),
  ...pageInput,
});
export const memberListOutput = pageOf(memberOutput);

export const inviteInput = z.strictObject({
  organizationId: uuidSchema,
  email: emailSchema,
  firstName: personNameSchema.min(1, 'is required'),
  lastName: personNameSchema.min(1, 'is required'),
});

export const memberInput = z.strictObject({ organizationId: uuidSchema, userId: uuidSchema });

export const organizationRolesInput = z.strictObject({
  organizationId: uuidSchema,
  userId: uuidSchema,
  defaultRoleCodes: z
    .array(roleCodeSchema)
    .max(10)
    .refine((codes) => codes.every((c) => c.startsWith('default.')), 'takes only default.* role codes')
    .optional()
    .describe('replaces the default.* roles; absent leaves them'),
  roleCodes: z
    .array(roleCodeSchema)
    .max(10)
    .refine(
      (codes) =>
        codes.every((c) => !c.startsWith('default.') && roles[c].scopes.includes('organization' as never)),
      'takes only non-default role codes that can be held at organization level (basic.*)',
    )
    .optional()
    .describe('replaces the other organization roles; absent leaves them'),
});
export const organizationRolesOutput = z.object({
  organizationId: z.string(),
  userId: z.string(),
  defaultRoleCodes: z.array(z.string()),
  roleCodes: z.array(z.string()),
});

export const profileRolesInput = z.strictObject({
  profileId: uuidSchema,
  userId: uuidSchema,
  roleCodes: z
    .array(roleCodeSchema)
    .max(10)
    .refine(
      (codes) => codes.every((c) => roles[c].scopes.includes('organization_profile' as never)),
      'takes only role codes that can be held at profile level (basic.*, sox.*)',
    ),
});
export const profileRolesOutput = z.object({
  profileId: z.string(),
  userId: z.string(),
  roleCodes: z.array(z.string()),
});

export const acceptInvitationInput = z.strictObject({
  token: z.string().min(1, 'is required').max(512),
  password: z
    .string()
    .max(1024)
    .describe('a new password, or the current one when the account already has one'),
});
export const acceptInvitationOutput = z.object({
  organizationId: z.string(),
  organizationName: z.string(),
  email: z.string(),
});
export const invitationPreviewInput = z.strictObject({ token: z.string().min(1, 'is required').max(512) });
export const invitationPreviewOutput = z.object({
  organizationName: z.string(),
  email: z.string(),
  firstName: z.string(),
  /** false when the person already has a password and signs in with it to join */
  needsPassword: z.boolean(),
  expiresAt: isoDate,
});

const dateTimeSchema = z.iso.datetime({ offset: true, error: 'must be an ISO-8601 date-time' });

export const auditListInput = z.strictObject({
  organizationId: uuidSchema,
  action: z.string().trim().max(100).optional().describe('exact action, or a prefix ending in "." or "*"'),
  userId: uuidSchema.optional().describe('events done by or to this user'),
  from: dateTimeSchema.optional(),
  to: dateTimeSchema.optional(),
  ...pageInput,
});

export const auditEventOutput = z.object({
  _id: z.string(),
  at: isoDate,
  action: z.string(),
  actor: z.object({ _id: z.string(), email: z.string() }).nullable(),
  subject: z.object({ _id: z.string(), email: z.string() }).nullable(),
  organizationId: z.string().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export const auditListOutput = pageOf(auditEventOutput);
