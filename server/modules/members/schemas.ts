import { z } from 'zod';
import {
  isDefaultRole,
  ORGANIZATION_ADMIN,
  ORGANIZATION_MEMBER,
  type RoleCode,
  roleCodes,
  roles,
} from '@/server/core/access/catalog';
import { isSaneDateTime, MAX_YEAR, MIN_YEAR } from '@/server/core/input-limits';
import { countedPageOf, offsetInput, pageInput, sortInput } from '@/server/core/pagination';
import { auditActionFilter } from '@/server/modules/audit/schemas';
import { emailSchema, isoDate, uuidSchema } from '@/server/modules/auth/schemas';
import { personNameSchema } from '@/server/modules/organizations/schemas';

/** Inputs and outputs of members, their roles, invitations and the organization's audit log. */

export const roleCodeSchema = z.enum(roleCodes as [RoleCode, ...RoleCode[]]);

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

/** The orders of the members list (the columns its table sorts). */
export const memberSortFields = ['email', 'name', 'status', 'invitedAt'] as const;
export type MemberSortField = (typeof memberSortFields)[number];

export const memberListInput = z.strictObject({
  organizationId: uuidSchema.optional().describe('defaults to x-active-organization-id'),
  ...pageInput,
  sort: sortInput(memberSortFields, 'email ascending'),
  offset: offsetInput,
  status: memberStatus.optional().describe('only members in this status'),
  search: z
    .string()
    .trim()
    .max(200)
    .optional()
    .describe('only members whose email or name contains this text (any case)'),
});
export const memberListOutput = countedPageOf(memberOutput);

export const memberInput = z.strictObject({ organizationId: uuidSchema, userId: uuidSchema });

/** The role lists of #19 and #20, one schema each, shared by setRoles, setProfileRoles, setMemberRoles and invite. */
export const defaultRoleCodesSchema = z
  .array(roleCodeSchema)
  .max(10)
  .refine((codes) => codes.every(isDefaultRole), 'takes only default.* role codes');
export const organizationRoleCodesSchema = z
  .array(roleCodeSchema)
  .max(10)
  .refine(
    (codes) => codes.every((c) => !isDefaultRole(c) && roles[c].scopes.includes('organization' as never)),
    'takes only non-default role codes that can be held at organization level (basic.*)',
  );
export const profileRoleCodesSchema = z
  .array(roleCodeSchema)
  .max(10)
  .refine(
    (codes) => codes.every((c) => roles[c].scopes.includes('organization_profile' as never)),
    'takes only role codes that can be held at profile level (basic.*, sox.*)',
  );
/** Roles on several profiles at once, each replacing that profile's roles; a profile at most once. */
export const profileRolesListSchema = z
  .array(z.strictObject({ profileId: uuidSchema, roleCodes: profileRoleCodesSchema }))
  .max(100)
  .refine(
    (list) => new Set(list.map((p) => p.profileId)).size === list.length,
    'names each profile at most once',
  );

const personFields = {
  email: emailSchema,
  firstName: personNameSchema.min(1, 'is required'),
  lastName: personNameSchema.min(1, 'is required'),
};

export const inviteInput = z.strictObject({
  organizationId: uuidSchema,
  ...personFields,
  defaultRoleCodes: defaultRoleCodesSchema
    .optional()
    .describe('the organization role to hold once they accept (default.*); absent grants none'),
  roleCodes: organizationRoleCodesSchema.optional().describe('organization-level roles on every profile'),
  profileRoles: profileRolesListSchema
    .optional()
    .describe("roles on the organization's profiles, granted with the invitation"),
});

export const organizationRolesInput = z.strictObject({
  organizationId: uuidSchema,
  userId: uuidSchema,
  defaultRoleCodes: defaultRoleCodesSchema
    .optional()
    .describe('replaces the default.* roles; absent leaves them'),
  roleCodes: organizationRoleCodesSchema
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
  roleCodes: profileRoleCodesSchema,
});
export const profileRolesOutput = z.object({
  profileId: z.string(),
  userId: z.string(),
  roleCodes: z.array(z.string()),
});

/** A member's organization roles and profile roles, saved together in one transaction (the role dialog). */
export const memberRolesInput = z.strictObject({
  organizationId: uuidSchema,
  userId: uuidSchema,
  defaultRoleCodes: defaultRoleCodesSchema
    .optional()
    .describe('replaces the default.* roles; absent leaves them'),
  roleCodes: organizationRoleCodesSchema
    .optional()
    .describe('replaces the other organization roles; absent leaves them'),
  profileRoles: profileRolesListSchema
    .optional()
    .describe('replaces the roles on each profile named; profiles not named keep theirs'),
});
export const memberRolesOutput = z.object({
  organizationId: z.string(),
  userId: z.string(),
  defaultRoleCodes: z.array(z.string()),
  roleCodes: z.array(z.string()),
  profileRoles: z.array(z.object({ profileId: z.string(), roleCodes: z.array(z.string()) })),
});

/**
 * The forms' one role choice per person: an organization role (exactly one default.* role) and,
 * per profile, none or one role. The API takes lists (#19/#20); these are what the screens choose.
 */
export const organizationRoleChoices = [ORGANIZATION_ADMIN, ORGANIZATION_MEMBER] as const;
export const profileRoleChoices = ['basic.viewer', 'basic.editor', 'basic.admin'] as const;
/** A profile's choice: NO_ROLE, one of profileRoleChoices, or KEEP_ROLES (what they hold, left as it is). */
export const KEEP_ROLES = 'keep';
export const NO_ROLE = 'none';
export const profileRoleChoiceSchema = z.union([
  z.literal(NO_ROLE),
  z.enum(profileRoleChoices),
  z.literal(KEEP_ROLES),
]);
export const roleChoiceFields = {
  organizationRole: z.enum(organizationRoleChoices, { error: 'Choose an organization role.' }),
  /** keyed by profile id */
  profileRoles: z.record(uuidSchema, profileRoleChoiceSchema),
  /** organization-level roles on every profile, keyed 'all' */
  allProfiles: profileRoleChoiceSchema,
};
export const memberRolesFormSchema = z.strictObject(roleChoiceFields);
export const inviteFormSchema = z.strictObject({ ...personFields, ...roleChoiceFields });

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
/** A signed-in user's own invitations, accepted or declined from the dashboard by organization. */
export const myInvitationInput = z.strictObject({ organizationId: uuidSchema });
export const myInvitationsOutput = z.object({
  items: z.array(
    z.object({
      organizationId: z.string(),
      organizationName: z.string(),
      invitedBy: z.string().nullable().describe('the name of whoever sent it'),
      expiresAt: isoDate,
    }),
  ),
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

/** `from`/`to` of the audit lists: an ISO-8601 date-time inside the range PostgreSQL takes. */
export const auditDateTimeSchema = z.iso
  .datetime({ offset: true, error: 'must be an ISO-8601 date-time', abort: true })
  .refine(
    isSaneDateTime,
    `must be a real date-time in the years ${MIN_YEAR} to ${MAX_YEAR} with an offset of at most ±14:00`,
  );

/** The orders of an audit log (the staff log's and an organization's). */
export const auditSortFields = ['at', 'action'] as const;
export type AuditSortField = (typeof auditSortFields)[number];
/** An audit log counts matches exactly up to this many; beyond, it gives PostgreSQL's estimate. */
export const AUDIT_EXACT_COUNT_LIMIT = 10_000;

export const auditListInput = z.strictObject({
  organizationId: uuidSchema,
  action: auditActionFilter,
  userId: uuidSchema.optional().describe('events done by or to this user'),
  from: auditDateTimeSchema.optional(),
  to: auditDateTimeSchema.optional(),
  ...pageInput,
  sort: sortInput(auditSortFields, 'at descending (newest first)'),
  offset: offsetInput,
});

export const auditPersonOutput = z.object({ _id: z.string(), email: z.string() });

export const auditEventOutput = z.object({
  _id: z.string(),
  at: isoDate,
  action: z.string(),
  actor: z
    .union([
      auditPersonOutput,
      z.object({ staff: z.literal(true), name: z.string() }).describe('platform staff, shown to tenants'),
    ])
    .nullable(),
  subject: auditPersonOutput.nullable(),
  organizationId: z.string().nullable(),
  actorKey: z
    .object({ _id: z.string(), name: z.string(), clientId: z.string() })
    .nullable()
    .describe('the API key that acted (actor is then its creator), else null'),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export const auditListOutput = countedPageOf(auditEventOutput).extend({
  totalIsEstimate: z
    .boolean()
    .describe(
      `true when more than ${AUDIT_EXACT_COUNT_LIMIT} events match: total is then the planner's estimate`,
    ),
});
