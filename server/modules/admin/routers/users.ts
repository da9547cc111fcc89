import 'server-only';
import { router, userProcedure } from '@/server/core/trpc';
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
  create: userProcedure
    .meta({
      permission: 'admin.write',
      rest: {
        method: 'POST',
        path: '/admin/users/create',
        status: 201,
        auth: 'user',
        summary: 'Create a user with a temporary password and role links',
        tag: 'Admin',
      },
    })
    .input(s.adminUserCreateInput)
    .output(s.adminUserDetailOutput)
    .mutation(({ ctx, input }) => createUser(ctx, input)),
  update: userProcedure
    .meta({
      permission: 'admin.write',
      rest: {
        method: 'POST',
        path: '/admin/users/update',
        status: 200,
        auth: 'user',
        summary: 'Update a user (name, email, status)',
        tag: 'Admin',
      },
    })
    .input(s.adminUserUpdateInput)
    .output(userOutput)
    .mutation(({ ctx, input }) => updateUser(ctx, input)),
  addRoleLinks: userProcedure
    .meta({
      permission: 'admin.write',
      rest: {
        method: 'POST',
        path: '/admin/users/role-links/add',
        status: 200,
        auth: 'user',
        summary: "Add role links; returns the user's role links",
        tag: 'Admin',
      },
    })
    .input(s.adminRoleLinksInput)
    .output(s.roleLinksOutput)
    .mutation(({ ctx, input }) => addRoleLinks(ctx, input)),
  removeRoleLinks: userProcedure
    .meta({
      permission: 'admin.write',
      rest: {
        method: 'POST',
        path: '/admin/users/role-links/remove',
        status: 200,
        auth: 'user',
        summary: "Remove role links; returns the user's role links",
        tag: 'Admin',
      },
    })
    .input(s.adminRoleLinksInput)
    .output(s.roleLinksOutput)
    .mutation(({ ctx, input }) => removeRoleLinks(ctx, input)),
  setPassword: userProcedure
    .meta({
      permission: 'admin.write',
      rest: {
        method: 'POST',
        path: '/admin/users/password',
        status: 204,
        auth: 'user',
        summary: "Set a user's temporary password; their sessions end",
        tag: 'Admin',
      },
    })
    .input(s.adminSetPasswordInput)
    .mutation(async ({ ctx, input }) => {
      await setUserPassword(ctx, input);
    }),
  get: userProcedure
    .meta({
      permission: 'admin.read',
      rest: {
        method: 'POST',
        path: '/admin/users/get',
        status: 200,
        auth: 'user',
        summary: 'A user with role links, TFA methods (no secrets), memberships, last login',
        tag: 'Admin',
      },
    })
    .input(s.userIdInput)
    .output(s.adminUserDetailOutput)
    .query(({ ctx, input }) => getUser(ctx, input)),
  revokeSessions: userProcedure
    .meta({
      permission: 'admin.write',
      rest: {
        method: 'POST',
        path: '/admin/users/sessions/revoke',
        status: 204,
        auth: 'user',
        summary: "End all of a user's sessions",
        tag: 'Admin',
      },
    })
    .input(s.userIdInput)
    .mutation(async ({ ctx, input }) => {
      await revokeUserSessions(ctx, input);
    }),
  search: userProcedure
    .meta({
      permission: 'admin.read',
      rest: {
        method: 'POST',
        path: '/admin/users/search',
        status: 200,
        auth: 'user',
        summary: 'Search users by part of their email, any case',
        tag: 'Admin',
      },
    })
    .input(s.adminUserSearchInput)
    .output(s.adminUserSearchOutput)
    .query(({ ctx, input }) => searchUsers(ctx, input)),
  tfa: router({
    list: userProcedure
      .meta({
        permission: 'admin.read',
        rest: {
          method: 'POST',
          path: '/admin/users/tfa/list',
          status: 200,
          auth: 'user',
          summary: "List a user's TFA methods",
          tag: 'Admin',
        },
      })
      .input(s.userIdInput)
      .output(itemsOf(tfaMethodOutput))
      .query(({ ctx, input }) => listUserTfaMethods(ctx, input)),
    remove: userProcedure
      .meta({
        permission: 'admin.write',
        rest: {
          method: 'POST',
          path: '/admin/users/tfa/remove',
          status: 204,
          auth: 'user',
          summary: "Remove a user's TFA method",
          tag: 'Admin',
        },
      })
      .input(s.adminTfaRemoveInput)
      .mutation(async ({ ctx, input }) => {
        await removeUserTfaMethod(ctx, input);
      }),
  }),
});
