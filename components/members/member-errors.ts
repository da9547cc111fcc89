import { readError, waitText } from '@/components/trpc/errors';

/** A refused member action in words the person can act on, instead of the stable code. */
export function describeMemberError(error: unknown): string {
  const e = readError(error);
  switch (e.code) {
    case 'LAST_ORGANIZATION_ADMIN':
      return 'An organization must keep at least one organization administrator. Make someone else an administrator first.';
    case 'GRANT_NOT_ALLOWED':
      return 'You can only give roles whose permissions you hold yourself.';
    case 'FORBIDDEN':
      return 'You are not allowed to do this in this organization.';
    case 'MEMBER_NOT_FOUND':
      return 'This person is no longer a member. Reload the page to see the current team.';
    case 'NOT_INVITED':
      return 'This invitation was already accepted or cancelled. Reload the page to see the current team.';
    case 'ALREADY_MEMBER':
      return 'This person is already a member of the organization.';
    case 'RATE_LIMITED':
      return `Too many attempts. Try again in ${waitText(e.retryAfterSeconds ?? 60)}.`;
    default:
      return e.message;
  }
}
