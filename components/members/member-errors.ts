import { TRPCClientError } from '@trpc/client';
import { readError, waitText } from '@/components/trpc/errors';

/** A refused member action in words the person can act on, instead of the stable code. */
export function describeMemberError(error: unknown): string {
  const e = readError(error);
  switch (e.code) {
    case 'LAST_ORGANIZATION_ADMIN':
      return 'An organization must keep at least one administrator. Make someone else an administrator of the organization first.';
    case 'GRANT_NOT_ALLOWED':
      return 'You can only give roles whose permissions you hold yourself.';
    case 'FORBIDDEN':
      return 'You are not allowed to do this in this organization.';
    case 'MEMBER_NOT_FOUND':
      return 'This person is no longer a member. Reload the page to see the current members.';
    case 'NOT_INVITED':
      return 'This invitation was already accepted or cancelled. Reload the page to see the current members.';
    case 'ALREADY_MEMBER':
      return 'This person is already a member of the organization.';
    case 'ALREADY_INVITED':
      return 'This person is already invited.';
    case 'RATE_LIMITED':
      return `Too many attempts. Try again in ${waitText(e.retryAfterSeconds ?? 60)}.`;
    default:
      return e.message;
  }
}

/** The invited person's id when an invite was refused as ALREADY_INVITED (to offer Resend), else null. */
export function alreadyInvitedUserId(error: unknown): string | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data = (error.data ?? {}) as { code?: string; extra?: { userId?: unknown } };
  return data.code === 'ALREADY_INVITED' && typeof data.extra?.userId === 'string' ? data.extra.userId : null;
}
