import 'server-only';
import { restShapes } from '@/server/core/meta';
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
import { setMemberRoles } from './services/set-member-roles';
import { setOrganizationRoles } from './services/set-organization-roles';
import { setProfileRoles } from './services/set-profile-roles';

const rest = restShapes('Organizations');

/** preview and accept are public (the token in the invitation email is the credential); the rest are the signed-in user's own. */
const invitationsRouter = router({
  preview: publicProcedure
    .meta({
      permission: 'public',
      rest: rest.post('/invitations/preview', 'Show who an invitation is for and from which organization', {
        auth: 'public',
        refusals: [{ status: 404, codes: 'LINK_INVALID: the invitation link is invalid, used or expired' }],
      }),
    })
    .input(s.invitationPreviewInput)
    .output(s.invitationPreviewOutput)
    .query(({ ctx, input }) => previewInvitation(ctx, input)),
  accept: publicProcedure
    .meta({
      permission: 'public',
      rest: rest.post(
        '/invitations/accept',
        'Accept an invitation: set a password (or confirm the existing one) and join',
        {
          auth: 'public',
          refusals: [
            { status: 401, codes: 'INVALID_CREDENTIALS (an existing account gave a wrong password)' },
            { status: 404, codes: 'LINK_INVALID: the invitation link is invalid, used or expired' },
          ],
        },
      ),
    })
    .input(s.acceptInvitationInput)
    .output(s.acceptInvitationOutput)
    .mutation(({ ctx, input }) => acceptInvitation(ctx, input)),
  listMine: userProcedure
    .meta({
      permission: 'self',
      rest: rest.get(
        '/invitations/mine',
        "The signed-in user's pending invitations: organization, who invited, expiry",
      ),
    })
    .output(s.myInvitationsOutput)
    .query(({ ctx }) => listMyInvitations(ctx)),
  acceptMine: userProcedure
    .meta({
      permission: 'self',
      rest: rest.post(
        '/invitations/accept-mine',
        'Accept one of your own invitations ({organizationId}) as the signed-in user, and join',
      ),
    })
    .input(s.myInvitationInput)
    .output(s.acceptInvitationOutput)
    .mutation(({ ctx, input }) => acceptMyInvitation(ctx, input)),
  decline: userProcedure
    .meta({
      permission: 'self',
      rest: rest.post(
        '/invitations/decline',
        'Decline one of your own invitations ({organizationId}): the invited membership goes',
        { status: 204 },
      ),
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
      rest: rest.post(
        '/organization-users/list',
        'List users of the organization (x-active-organization-id or organizationId) with status and roles',
      ),
    })
    .input(s.memberListInput)
    .output(s.memberListOutput)
    .query(({ ctx, input }) => listMembers(ctx, input)),
  invite: userProcedure
    .meta({
      permission: 'members.invite',
      rest: rest.post(
        '/organization-users/invite',
        'Invite a user to an organization (emails an accept link; an existing user is added and notified)',
        { status: 201 },
      ),
    })
    .input(s.inviteInput)
    .output(s.memberOutput)
    .mutation(({ ctx, input }) => inviteMember(ctx, input)),
  resendInvitation: userProcedure
    .meta({
      permission: 'members.invite',
      rest: rest.post(
        '/organization-users/resend-invitation',
        'Resend an invitation: a new link, the old one stops working',
      ),
    })
    .input(s.memberInput)
    .output(s.memberOutput)
    .mutation(({ ctx, input }) => resendInvitation(ctx, input)),
  cancelInvitation: userProcedure
    .meta({
      permission: 'members.invite',
      rest: rest.post('/organization-users/cancel-invitation', 'Cancel a pending invitation', {
        status: 204,
      }),
    })
    .input(s.memberInput)
    .mutation(async ({ ctx, input }) => {
      await cancelInvitation(ctx, input);
    }),
  setRoles: userProcedure
    .meta({
      permission: 'members.manage',
      rest: rest.post(
        '/organization-users/roles',
        'Assign organization-level roles (defaultRoleCodes and roleCodes each replace their own family)',
      ),
    })
    .input(s.organizationRolesInput)
    .output(s.organizationRolesOutput)
    .mutation(({ ctx, input }) => setOrganizationRoles(ctx, input)),
  setProfileRoles: userProcedure
    .meta({
      permission: 'members.manage',
      rest: rest.post(
        '/organization-users/profile-roles',
        'Assign organization-profile-level roles (replaces the roles on that profile)',
      ),
    })
    .input(s.profileRolesInput)
    .output(s.profileRolesOutput)
    .mutation(({ ctx, input }) => setProfileRoles(ctx, input)),
  setMemberRoles: userProcedure
    .meta({
      permission: 'members.manage',
      rest: rest.post(
        '/organization-users/member-roles',
        "Assign a member's organization roles and profile roles at once, in one transaction (#19 and #20 together)",
      ),
    })
    .input(s.memberRolesInput)
    .output(s.memberRolesOutput)
    .mutation(({ ctx, input }) => setMemberRoles(ctx, input)),
  remove: userProcedure
    .meta({
      permission: 'members.manage',
      rest: rest.post('/organization-users/remove', 'Remove a member from the organization', { status: 204 }),
    })
    .input(s.memberInput)
    .mutation(async ({ ctx, input }) => {
      await removeMember(ctx, input);
    }),
  leave: userProcedure
    .meta({
      permission: 'self',
      rest: rest.post('/organization-users/leave', 'Leave an organization', { status: 204 }),
    })
    .input(organizationIdInput)
    .mutation(async ({ ctx, input }) => {
      await leaveOrganization(ctx, input);
    }),
});
