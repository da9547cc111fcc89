import { adminProcedure, router } from '@/server/core/trpc';
import { itemsOf, tfaMethodOutput, userOutput } from '@/server/modules/auth/schemas';
import * as s from '../schemas';
import { addRoleLinks, removeRoleLinks } from '../services/change-role-links';
import { createUser } from '../services/create-user';
import { getUser } from '../services/get-user';
import { searchUsers } from '../services/search-users';
import { revokeUserSessions, setUserPassword } from '../services/set-user-password';
import { updateUser } from '../services/update-user';
import { listUserTfaMethods, removeUserTfaMethod } from '../services/user-tfa-methods';

export const adminUsersRouter = router({
  create: adminProcedure('write')
    .input(s.adminUserCreateInput)
    .output(s.adminUserDetailOutput)
    .mutation(({ ctx, input }) => createUser(ctx, input)),
  update: adminProcedure('write')
    .input(s.adminUserUpdateInput)
    .output(userOutput)
    .mutation(({ ctx, input }) => updateUser(ctx, input)),
  addRoleLinks: adminProcedure('write')
    .input(s.adminRoleLinksInput)
    .output(s.roleLinksOutput)
    .mutation(({ ctx, input }) => addRoleLinks(ctx, input)),
  removeRoleLinks: adminProcedure('write')
    .input(s.adminRoleLinksInput)
    .output(s.roleLinksOutput)
    .mutation(({ ctx, input }) => removeRoleLinks(ctx, input)),
  setPassword: adminProcedure('write')
    .input(s.adminSetPasswordInput)
    .mutation(async ({ ctx, input }) => {
      await setUserPassword(ctx, input);
    }),
  get: adminProcedure('read')
    .input(s.userIdInput)
    .output(s.adminUserDetailOutput)
    .query(({ ctx, input }) => getUser(ctx, input)),
  revokeSessions: adminProcedure('write')
    .input(s.userIdInput)
    .mutation(async ({ ctx, input }) => {
      await revokeUserSessions(ctx, input);
    }),
  search: adminProcedure('read')
    .input(s.adminUserSearchInput)
    .output(s.adminUserSearchOutput)
    .query(({ ctx, input }) => searchUsers(ctx, input)),
  tfa: router({
    list: adminProcedure('read')
      .input(s.userIdInput)
      .output(itemsOf(tfaMethodOutput))
      .query(({ ctx, input }) => listUserTfaMethods(ctx, input)),
    remove: adminProcedure('write')
      .input(s.adminTfaRemoveInput)
      .mutation(async ({ ctx, input }) => {
        await removeUserTfaMethod(ctx, input);
      }),
  }),
});
