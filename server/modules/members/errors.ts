import type { ErrorTable } from '@/server/core/errors';

/**
 * The members module's error codes: an organization's members and their invitations. Any module may throw them;
 * server/core/errors.ts assembles the one catalog from the tables listed in server/modules/catalog.ts.
 */
export const membersErrors = {
  MEMBER_NOT_FOUND: { status: 404, title: 'This person is not a member of the organization' },
  INVITATION_INVALID: { status: 404, title: 'The invitation is invalid, used or expired' },
  ALREADY_MEMBER: { status: 409, title: 'This person is already a member of the organization' },
  ALREADY_INVITED: {
    status: 409,
    title: 'This person is already invited to the organization: resend the invitation instead',
  },
  NOT_INVITED: { status: 409, title: 'This member has no pending invitation' },
  LAST_ORGANIZATION_ADMIN: {
    status: 409,
    title: 'An organization must keep at least one default.organization.admin',
  },
  GRANT_NOT_ALLOWED: { status: 403, title: 'You cannot grant a role with permissions you do not hold' },
} as const satisfies ErrorTable;
