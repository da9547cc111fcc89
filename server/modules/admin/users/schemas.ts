import { z } from 'zod';
import { canBeGrantedAt, type RoleCode } from '@/server/core/access/catalog';
import { countedPageOf, offsetInput, pageInput, sortInput } from '@/server/core/pagination';
import {
  emailSchema,
  isoDate,
  message,
  tfaMethodOutput,
  userOutput,
  uuidSchema,
} from '@/server/modules/auth/schemas';
import { roleCodeSchema } from '@/server/modules/members/schemas';
import { personNameSchema } from '@/server/modules/organizations/schemas';

/** Inputs and outputs of the admin console's user procedures (REST #25-#30): users and their role links. */

export const userIdInput = z.strictObject({ userId: uuidSchema });

/**
 * A choice's message: "is required" when absent (zod calls that a wrong value); a wrong value
 * keeps zod's own message, which lists the allowed ones.
 */
const choice = {
  error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : undefined),
};

export const roleLinkInput = z
  .strictObject({
    roleCode: z.enum(roleCodeSchema.options, choice),
    entityType: z.enum(['platform', 'organization', 'organization_profile'], choice),
    entityId: uuidSchema.optional().describe('the organization or profile; absent for platform roles'),
  })
  .superRefine((link, ctx) => {
    if (!canBeGrantedAt(link.roleCode as RoleCode, link.entityType))
      ctx.addIssue({
        code: 'custom',
        path: ['entityType'],
        message: `${link.roleCode} cannot be held at ${link.entityType} level`,
      });
    if (link.entityType === 'platform' && link.entityId !== undefined)
      ctx.addIssue({ code: 'custom', path: ['entityId'], message: 'must be absent for platform roles' });
    if (link.entityType !== 'platform' && link.entityId === undefined)
      ctx.addIssue({ code: 'custom', path: ['entityId'], message: 'is required' });
  });

/**
 * A role link as a form holds it (each part "" until chosen), checked by roleLinkInput itself:
 * an empty part is absent, so it "is required" exactly where the API would say so.
 */
export const roleLinkFormSchema = z
  .object({ roleCode: z.string(), entityType: z.string(), entityId: z.string() })
  // the parts are still unchecked strings here: the pipe into roleLinkInput checks them
  .transform(
    ({ roleCode, entityType, entityId }) =>
      ({
        roleCode: roleCode || undefined,
        entityType: entityType || undefined,
        entityId: entityType === 'platform' ? undefined : entityId || undefined,
      }) as z.input<typeof roleLinkInput>,
  )
  .pipe(roleLinkInput);
export type RoleLinkDraft = z.input<typeof roleLinkFormSchema>;

/** The add-a-role form (#27): one link, at the path the server names ("roleLinks.0.roleCode"). */
export const adminAddRoleLinkFormSchema = z.object({ roleLinks: z.tuple([roleLinkFormSchema]) });

const roleLinkOutput = z.object({
  _id: z.string(),
  roleCode: z.string(),
  entityType: z.enum(['platform', 'organization', 'organization_profile']),
  entityId: z.string().nullable(),
  /** the organization's or profile's name, for reading */
  entityName: z.string().nullable(),
  createdAt: isoDate,
});

/** How a new account gets its first password, when the admin does not type one. */
export const passwordModes = ['invite', 'generate'] as const;
export type PasswordMode = (typeof passwordModes)[number];

const createUserFields = {
  email: emailSchema,
  firstName: personNameSchema.optional(),
  lastName: personNameSchema.optional(),
  roleLinks: z.array(roleLinkInput).max(50).optional(),
};

/**
 * #25. Either `password` (the seed's body: a temporary password, changed at the first sign-in)
 * or `passwordMode` without it: `invite` emails a single-use link to set a password (one hour,
 * like a reset link); `generate` makes a strong one-time password, answered once as
 * `oneTimePassword` and changed at the first sign-in. Both or neither is a 400.
 */
export const adminUserCreateInput = z
  .strictObject({
    ...createUserFields,
    password: z
      .string(message('must be text'))
      .max(1024)
      .optional()
      .describe('a temporary password you choose, changed at the first sign-in; omit it to use passwordMode'),
    passwordMode: z
      .enum(passwordModes, message('must be invite or generate'))
      .optional()
      .describe(
        'without password: "invite" emails the user a link to set a password (works once, for one hour); "generate" answers a strong one-time password once, as oneTimePassword (never stored in plain; an Idempotency-Key is ignored then), changed at the first sign-in',
      ),
  })
  .superRefine((input, ctx) => {
    if (input.password !== undefined && input.passwordMode !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['passwordMode'],
        message: 'must be absent when a password is given',
      });
    if (input.password === undefined && input.passwordMode === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['password'],
        message: 'is required unless passwordMode is invite or generate',
      });
  });

/** The create form: empty names are "no name"; the password is never typed (invite or generate). */
export const adminUserCreateFormSchema = z.object({
  email: createUserFields.email,
  firstName: personNameSchema,
  lastName: personNameSchema,
  passwordMode: z.enum(passwordModes, message('needs a choice')),
  roleLinks: z.array(roleLinkFormSchema).max(50),
});

export const adminUserUpdateInput = z.strictObject({
  _id: uuidSchema,
  firstName: personNameSchema.optional(),
  lastName: personNameSchema.optional(),
  email: emailSchema.optional(),
  status: z
    .enum(['active', 'disabled'])
    .optional()
    .describe('disabled ends every session and blocks sign-in'),
});

export const adminRoleLinksInput = z.strictObject({
  userId: uuidSchema,
  roleLinks: z.array(roleLinkInput).min(1, 'needs at least one role link').max(50),
});
export const roleLinksOutput = z.object({ userId: z.string(), roleLinks: z.array(roleLinkOutput) });

export const adminSetPasswordInput = z.strictObject({
  userId: uuidSchema,
  password: z.string(message('must be text')).max(1024),
});

export const adminUserDetailOutput = userOutput.extend({
  roleLinks: z.array(roleLinkOutput),
  tfaMethods: z.array(tfaMethodOutput),
  memberships: z.array(
    z.object({ organizationId: z.string(), name: z.string(), status: z.enum(['active', 'invited']) }),
  ),
});

/** #25's answer: the user; in `generate` mode the password, this once; in `invite` mode until when the link works. */
export const adminUserCreateOutput = adminUserDetailOutput.extend({
  oneTimePassword: z
    .string()
    .optional()
    .describe('passwordMode "generate" only: shown this once, never stored in plain'),
  passwordLinkExpiresAt: isoDate
    .optional()
    .describe('passwordMode "invite" only: when the emailed link stops working'),
});

/** The user-details form (#26): the update's own fields, every one present. */
export const adminUserDetailsFormSchema = adminUserUpdateInput
  .pick({ firstName: true, lastName: true, email: true, status: true })
  .required();

/** The set-password form (#29) without the user's id, which the page knows. */
export const adminSetPasswordFormSchema = adminSetPasswordInput.pick({ password: true });

/** The orders of the users list (the columns its table can sort). */
export const adminUserSortFields = ['email', 'name', 'status', 'createdAt'] as const;
export type AdminUserSortField = (typeof adminUserSortFields)[number];

export const adminUserSearchInput = z.strictObject({
  email: z.string(message('must be text')).trim().max(254).describe('part of an email, any case'),
  ...pageInput,
  sort: sortInput(adminUserSortFields, 'email ascending'),
  offset: offsetInput,
});
export const adminUserSearchOutput = countedPageOf(userOutput);

export const adminTfaRemoveInput = z.strictObject({ userId: uuidSchema, tfaId: uuidSchema });
