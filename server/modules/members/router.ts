import 'server-only';
import { publicProcedure, router, userProcedure } from '@/server/core/trpc';
import { organizationIdInput } from '@/server/modules/organizations/schemas';
import * as s from './schemas';
import { acceptInvitation, previewInvitation } from './services/accept-invitation';
import { acceptMyInvitation } from './services/accept-my-invitation';
import { declineInvitation } from './services/decline-invitation';
import { inviteMember } from './services/invite-member';
import { listMembers } from './services/list-members';
import { listMyInvitations } from './services/list-my-invitations';
import { cancelInvitation, leaveOrganization, removeMember } from './services/remove-member';
import { resendInvitation } from './services/resend-invitation';
import { setOrganizationRoles } from './services/set-organization-roles';
import { setProfileRoles } from './services/set-profile-roles';

/** preview and accept are public (the token in the invitation email is the credential); the rest are the signed-in user's own. */
const invitationsRouter = router({
  preview: publicProcedure
    .meta({
      permission: 'public',
      rest: {
        method: 'POST',
        path: '/invitations/preview',
        status: 200,
        auth: 'public',
        summary: 'Show who an invitation is for and from which organization',
        tag: 'Organizations',
        refusals: [{ status: 404, codes: 'LINK_INVALID: the invitation link is invalid, used or expired' }],
      },
    })
    .input(s.invitationPreviewInput)
    .output(s.invitationPreviewOutput)
    .query(({ ctx, input }) => previewInvitation(ctx, input)),
  accept: publicProcedure
    .meta({
      permission: 'public',
      rest: {
        method: 'POST',
        path: '/invitations/accept',
        status: 200,
        auth: 'public',
        summary: 'Accept an invitation: set a password (or confirm the existing one) and join',
        tag: 'Organizations',
        refusals: [
          { status: 401, codes: 'INVALID_CREDENTIALS (an existing account gave a wrong password)' },
          { status: 404, codes: 'LINK_INVALID: the invitation link is invalid, used or expired' },
        ],
      },
    })
    .input(s.acceptInvitationInput)
    .output(s.acceptInvitationOutput)
    .mutation(({ ctx, input }) => acceptInvitation(ctx, input)),
  listMine: userProcedure
    .meta({
      permission: 'self',
      rest: {
        method: 'GET',
        path: '/invitations/mine',
        status: 200,
        auth: 'user',
        summary: "The signed-in user's pending invitations: organization, who invited, expiry",
        tag: 'Organizations',
      },
    })
    .output(s.myInvitationsOutput)
    .query(({ ctx }) => listMyInvitations(ctx)),
  acceptMine: userProcedure
    .meta({
      permission: 'self',
      rest: {
        method: 'POST',
        path: '/invitations/accept-mine',
        status: 200,
        auth: 'user',
        summary: 'Accept one of your own invitations ({organizationId}) as the signed-in user, and join',
        tag: 'Organizations',
      },
    })
    .input(s.myInvitationInput)
    .output(s.acceptInvitationOutput)
    .mutation(({ ctx, input }) => acceptMyInvitation(ctx, input)),
  decline: userProcedure
    .meta({
      permission: 'self',
      rest: {
        method: 'POST',
        path: '/invitations/decline',
        status: 204,
        auth: 'user',
        summary: 'Decline one of your own invitations ({organizationId}): the invited membership goes',
        tag: 'Organizations',
      },
    })
    .input(s.myInvitationInput)
    .mutation(async ({ ctx, input }) => {
      await declineInvitation(ctx, input);
    }),
});

export const membersRouter = router({
  invitations: invitationsRouter,
  list: userProcedure
    .meta({
      permission: 'organization.read',
      rest: {
        method: 'POST',
        path: '/organization-users/list',
        status: 200,
        auth: 'user',
        summary:
          'List users of the organization (x-active-organization-id or organizationId) with status and roles',
        tag: 'Organizations',
      },
    })
    .input(s.memberListInput)
    .output(s.memberListOutput)
    .query(({ ctx, input }) => listMembers(ctx, input)),
  invite: userProcedure
    .meta({
      permission: 'members.invite',
      rest: {
        method: 'POST',
        path: '/organization-users/invite',
        status: 201,
        auth: 'user',
        summary:
          'Invite a user to an organization (emails an accept link; an existing user is added and notified)',
        tag: 'Organizations',
      },
    })
    .input(s.inviteInput)
    .output(s.memberOutput)
    .mutation(({ ctx, input }) => inviteMember(ctx, input)),
  resendInvitation: userProcedure
    .meta({
      permission: 'members.invite',
      rest: {
        method: 'POST',
        path: '/organization-users/resend-invitation',
        status: 200,
        auth: 'user',
        summary: 'Resend an invitation: a new link, the old one stops working',
        tag: 'Organizations',
      },
    })
    .input(s.memberInput)
    .output(s.memberOutput)
    .mutation(({ ctx, input }) => resendInvitation(ctx, input)),
  cancelInvitation: userProcedure
    .meta({
      permission: 'members.invite',
      rest: {
        method: 'POST',
        path: '/organization-users/cancel-invitation',
        status: 204,
        auth: 'user',
        summary: 'Cancel a pending invitation',
        tag: 'Organizations',
      },
    })
    .input(s.memberInput)
    .mutation(async ({ ctx, input }) => {
      await cancelInvitation(ctx, input);
    }),
  setRoles: userProcedure
    .meta({
      permission: 'members.manage',
      rest: {
        method: 'POST',
        path: '/organization-users/roles',
        status: 200,
        auth: 'user',
        summary:
          'Assign organization-level roles (defaultRoleCodes and roleCodes each replace their own family)',
        tag: 'Organizations',
      },
    })
    .input(s.organizationRolesInput)
    .output(s.organizationRolesOutput)
    .mutation(({ ctx, input }) => setOrganizationRoles(ctx, input)),
  setProfileRoles: userProcedure
    .meta({
      permission: 'members.manage',
      rest: {
        method: 'POST',
        path: '/organization-users/profile-roles',
        status: 200,
        auth: 'user',
        summary: 'Assign organization-profile-level roles (replaces the roles on that profile)',
        tag: 'Organizations',
      },
    })
    .input(s.profileRolesInput)
    .output(s.profileRolesOutput)
    .mutation(({ ctx, input }) => setProfileRoles(ctx, input)),
  remove: userProcedure
    .meta({
      permission: 'members.manage',
      rest: {
        method: 'POST',
        path: '/organization-users/remove',
        status: 204,
        auth: 'user',
        summary: 'Remove a member from the organization',
        tag: 'Organizations',
      },
    })
    .input(s.memberInput)
    .mutation(async ({ ctx, input }) => {
      await removeMember(ctx, input);
    }),
  leave: userProcedure
    .meta({
      permission: 'self',
      rest: {
        method: 'POST',
        path: '/organization-users/leave',
        status: 204,
        auth: 'user',
        summary: 'Leave an organization',
        tag: 'Organizations',
      },
    })
    .input(organizationIdInput)
    .mutation(async ({ ctx, input }) => {
      await leaveOrganization(ctx, input);
    }),
});
