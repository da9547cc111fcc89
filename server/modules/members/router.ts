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
