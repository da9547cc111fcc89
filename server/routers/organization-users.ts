import * as s from '../organizations/member-schemas';
import { organizationIdInput } from '../organizations/schemas';
import { acceptInvitation, previewInvitation } from '../services/members/accept-invitation';
import { acceptMyInvitation } from '../services/members/accept-my-invitation';
import { declineInvitation } from '../services/members/decline-invitation';
import { inviteMember } from '../services/members/invite-member';
import { listMembers } from '../services/members/list-members';
import { listMyInvitations } from '../services/members/list-my-invitations';
import { cancelInvitation, leaveOrganization, removeMember } from '../services/members/remove-member';
import { resendInvitation } from '../services/members/resend-invitation';
import { setOrganizationRoles } from '../services/members/set-organization-roles';
import { setProfileRoles } from '../services/members/set-profile-roles';
import { publicProcedure, router, userProcedure } from '../trpc';

export const organizationUsersRouter = router({
  list: userProcedure
    .input(s.memberListInput)
    .output(s.memberListOutput)
    .query(({ ctx, input }) => listMembers(ctx, input)),
  invite: userProcedure
    .input(s.inviteInput)
    .output(s.memberOutput)
    .mutation(({ ctx, input }) => inviteMember(ctx, input)),
  resendInvitation: userProcedure
    .input(s.memberInput)
    .output(s.memberOutput)
    .mutation(({ ctx, input }) => resendInvitation(ctx, input)),
  cancelInvitation: userProcedure.input(s.memberInput).mutation(async ({ ctx, input }) => {
    await cancelInvitation(ctx, input);
  }),
  setRoles: userProcedure
    .input(s.organizationRolesInput)
    .output(s.organizationRolesOutput)
    .mutation(({ ctx, input }) => setOrganizationRoles(ctx, input)),
  setProfileRoles: userProcedure
    .input(s.profileRolesInput)
    .output(s.profileRolesOutput)
    .mutation(({ ctx, input }) => setProfileRoles(ctx, input)),
  remove: userProcedure.input(s.memberInput).mutation(async ({ ctx, input }) => {
    await removeMember(ctx, input);
  }),
  leave: userProcedure.input(organizationIdInput).mutation(async ({ ctx, input }) => {
    await leaveOrganization(ctx, input);
  }),
});

/** preview and accept are public (the token in the invitation email is the credential); the rest are the signed-in user's own. */
export const invitationsRouter = router({
  preview: publicProcedure
    .input(s.invitationPreviewInput)
    .output(s.invitationPreviewOutput)
    .query(({ ctx, input }) => previewInvitation(ctx, input)),
  accept: publicProcedure
    .input(s.acceptInvitationInput)
    .output(s.acceptInvitationOutput)
    .mutation(({ ctx, input }) => acceptInvitation(ctx, input)),
  listMine: userProcedure.output(s.myInvitationsOutput).query(({ ctx }) => listMyInvitations(ctx)),
  acceptMine: userProcedure
    .input(s.myInvitationInput)
    .output(s.acceptInvitationOutput)
    .mutation(({ ctx, input }) => acceptMyInvitation(ctx, input)),
  decline: userProcedure.input(s.myInvitationInput).mutation(async ({ ctx, input }) => {
    await declineInvitation(ctx, input);
  }),
});
