import type { AuditTable } from '@/server/modules/catalog';

/** The members module's audit actions, worded for the admin console and the organization's activity. */
export const membersAudit = {
  group: 'Everything about members',
  actions: {
    'member.invited': { label: 'Invited a member', phrase: 'invited' },
    'member.added': { label: 'Added an existing account', phrase: 'added an existing account' },
    'member.invitation.resent': { label: 'Resent an invitation', phrase: 'resent the invitation of' },
    'member.invitation.cancelled': {
      label: 'Cancelled an invitation',
      phrase: 'cancelled the invitation of',
    },
    'member.invitation.declined': {
      label: 'Declined an invitation',
      phrase: 'declined the invitation',
      complete: true,
    },
    'member.joined': { label: 'Joined the organization', phrase: 'joined the organization', complete: true },
    'member.removed': { label: 'Removed a member', phrase: 'removed' },
    'member.left': { label: 'Left the organization', phrase: 'left the organization', complete: true },
    'member.roles.changed': {
      label: "Changed a member's organization roles",
      phrase: 'changed the organization roles of',
    },
    'member.profile_roles.changed': {
      label: "Changed a member's profile roles",
      phrase: 'changed the profile roles of',
    },
  },
} as const satisfies AuditTable;
