import { z } from 'zod';
import { countedPageOf, offsetInput, pageInput, sortInput } from '@/server/core/pagination';
import { auditActionFilter } from '@/server/modules/audit/schemas';
import { message, uuidSchema } from '@/server/modules/auth/schemas';
import {
  auditDateTimeSchema,
  auditEventOutput,
  auditListOutput,
  auditPersonOutput,
  auditSortFields,
} from '@/server/modules/members/schemas';
import {
  addressOrEmptySchema,
  dunsSchema,
  nameSchema,
  organizationOutput,
  organizationStatus,
  profileOutput,
  taxIdSchema,
} from '@/server/modules/organizations/schemas';
import { participantTagsSchema, participantTypesSchema } from '@/server/modules/profiles/participant-tags';

/**
 * Inputs and outputs of the admin console procedures (REST #25-#42): organizations, profiles,
 * the staff log, the catalogs and the overview. Users and their role links: users/schemas.ts.
 */

export { AUDIT_EXACT_COUNT_LIMIT } from '@/server/modules/members/schemas';

/** The orders of each admin list (the columns its table can sort; users' in users/schemas.ts). */
export const adminOrganizationSortFields = ['name', 'status', 'createdAt', 'profileCount'] as const;
export type AdminOrganizationSortField = (typeof adminOrganizationSortFields)[number];
export const adminProfileSortFields = ['name', 'organizationName', 'status', 'createdAt'] as const;
export type AdminProfileSortField = (typeof adminProfileSortFields)[number];
/** The staff log sorts like an organization's (members/schemas.ts auditSortFields). */
export const adminAuditSortFields = auditSortFields;
export type AdminAuditSortField = (typeof adminAuditSortFields)[number];

export const adminOrganizationCreateInput = z.strictObject({
  name: nameSchema,
  taxId: taxIdSchema.optional(),
  duns: dunsSchema.optional(),
  address: addressOrEmptySchema.optional(),
});

export const adminOrganizationUpdateInput = z.strictObject({
  _id: uuidSchema,
  name: nameSchema.optional(),
  taxId: taxIdSchema.optional(),
  duns: dunsSchema.optional(),
  status: organizationStatus.optional().describe('archive: members lose access at once'),
  address: addressOrEmptySchema.optional().describe('replaced whole; {} clears it'),
});

export const adminOrganizationListInput = z.strictObject({
  search: z.string(message('must be text')).trim().max(200).optional().describe('part of the name'),
  status: organizationStatus.optional(),
  ...pageInput,
  sort: sortInput(adminOrganizationSortFields, 'name ascending'),
  offset: offsetInput,
});
export const adminOrganizationListOutput = countedPageOf(
  organizationOutput.extend({ profileCount: z.number() }),
);

export const adminOrganizationGetInput = z.strictObject({ _id: uuidSchema });
export const adminOrganizationDetailOutput = organizationOutput.extend({
  profiles: z.array(profileOutput),
  members: z.array(
    z.object({
      _id: z.string(),
      email: z.string(),
      firstName: z.string(),
      lastName: z.string(),
      status: z.enum(['active', 'invited']),
      roles: z.array(z.string()),
    }),
  ),
});

export const adminProfileCreateInput = z.strictObject({
  name: nameSchema,
  organizationId: uuidSchema,
  taxId: taxIdSchema.optional(),
  duns: dunsSchema.optional(),
  participantTypes: participantTypesSchema.optional(),
  participantTags: participantTagsSchema.optional(),
});

export const adminProfileUpdateInput = z.strictObject({
  _id: uuidSchema,
  name: nameSchema.optional(),
  taxId: taxIdSchema.optional(),
  duns: dunsSchema.optional(),
  participantTypes: participantTypesSchema.optional(),
  participantTags: participantTagsSchema.optional().describe('replaces the whole list'),
  status: organizationStatus.optional(),
});

export const adminProfileSearchInput = z.strictObject({
  participantTags: z
    .array(z.strictObject({ tag: z.string().max(100) }))
    .max(10)
    .optional()
    .describe('profiles holding every listed tag'),
  organizationId: uuidSchema.optional(),
  name: z.string(message('must be text')).trim().max(200).optional().describe('part of the name'),
  ...pageInput,
  sort: sortInput(adminProfileSortFields, 'name ascending'),
  offset: offsetInput,
});
export const adminProfileOutput = profileOutput.extend({ organizationName: z.string() });
export const adminProfileSearchOutput = countedPageOf(adminProfileOutput);
export const adminProfileGetInput = z.strictObject({ _id: uuidSchema });

export const adminAuditListInput = z.strictObject({
  userId: uuidSchema.optional().describe('events done by or to this user'),
  organizationId: uuidSchema.optional(),
  action: auditActionFilter,
  from: auditDateTimeSchema.optional(),
  to: auditDateTimeSchema.optional(),
  ...pageInput,
  sort: sortInput(adminAuditSortFields, 'at descending (newest first)'),
  offset: offsetInput,
});
const adminAuditEventOutput = auditEventOutput.extend({
  /** staff see the person, staff included */
  actor: auditPersonOutput.nullable(),
  organizationName: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
});
export const adminAuditListOutput = auditListOutput.extend({ items: z.array(adminAuditEventOutput) });

export const roleCatalogOutput = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      scopes: z.array(z.string()),
      permissions: z.array(z.string()),
    }),
  ),
  permissions: z.array(z.object({ code: z.string(), description: z.string() })),
});

export const participantCatalogOutput = z.object({
  items: z.array(
    z.object({
      tag: z.string(),
      name: z.string(),
      measurers: z.array(
        z.object({ identifier: z.string(), name: z.string(), standardTypes: z.array(z.string()) }),
      ),
      verifiers: z.array(z.object({ identifier: z.string(), name: z.string() })),
    }),
  ),
  participantTypes: z.array(z.object({ code: z.string(), name: z.string() })),
  standardTypes: z.array(z.object({ code: z.string(), name: z.string() })),
});

export const featureFlagCatalogOutput = z.object({
  items: z.array(
    z.object({
      flag: z.string(),
      name: z.string(),
      description: z.string(),
      modules: z.array(z.string()).describe('the dashboard modules the flag switches on'),
    }),
  ),
});

/** The admin overview's counts (tRPC only): each is cheap, one grouped query per table. */
export const adminOverviewOutput = z.object({
  users: z.object({
    active: z.number(),
    disabled: z.number(),
    /** active accounts with no password yet (invited, or created with a set-password link) */
    withoutPassword: z.number(),
  }),
  organizations: z.object({ active: z.number(), archived: z.number() }),
  profiles: z.object({ active: z.number(), archived: z.number() }),
  /** memberships invited and not yet accepted */
  pendingInvitations: z.number(),
});
