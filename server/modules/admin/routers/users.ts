import 'server-only';
import { restShapes } from '@/server/core/meta';
import { router, userProcedure } from '@/server/core/trpc';
import { itemsOf, tfaMethodOutput, userOutput } from '@/server/modules/auth/schemas';
import { addRoleLinks, removeRoleLinks } from '../services/change-role-links';
import { createUser } from '../services/create-user';
import { getUser } from '../services/get-user';
import { searchUsers } from '../services/search-users';
import { revokeUserSessions, setUserPassword } from '../services/set-user-password';
import { updateUser } from '../services/update-user';
import { listUserTfaMethods, removeUserTfaMethod } from '../services/user-tfa-methods';
import * as s from '../users/schemas';

const rest = restShapes('Admin');

export const adminUsersRouter = router({
  create: userProcedure
    .meta({
      permission: 'admin.write',
      rest: rest.post(
        '/admin/users/create',
        'Create a user with role links and a temporary password, an emailed set-password link (passwordMode "invite") or a one-time password answered once (passwordMode "generate")',
        // a generated password is in the answer: an Idempotency-Key must not keep it
        { status: 201, secret: (input) => (input as { passwordMode?: string }).passwordMode === 'generate' },
      ),
    })
    .input(s.adminUserCreateInput)
    .output(s.adminUserCreateOutput)
    .mutation(({ ctx, input }) => createUser(ctx, input)),
  update: userProcedure
    .meta({
      permission: 'admin.write',
      rest: rest.post('/admin/users/update', 'Update a user (name, email, status)'),
    })
    .input(s.adminUserUpdateInput)
    .output(userOutput)
    .mutation(({ ctx, input }) => updateUser(ctx, input)),
  addRoleLinks: userProcedure
    .meta({
      permission: 'admin.write',
      rest: rest.post('/admin/users/role-links/add', "Add role links; returns the user's role links"),
    })
    .input(s.adminRoleLinksInput)
    .output(s.roleLinksOutput)
    .mutation(({ ctx, input }) => addRoleLinks(ctx, input)),
  removeRoleLinks: userProcedure
    .meta({
      permission: 'admin.write',
      rest: rest.post('/admin/users/role-links/remove', "Remove role links; returns the user's role links"),
    })
    .input(s.adminRoleLinksInput)
    .output(s.roleLinksOutput)
    .mutation(({ ctx, input }) => removeRoleLinks(ctx, input)),
  setPassword: userProcedure
    .meta({
      permission: 'admin.write',
      rest: rest.post('/admin/users/password', "Set a user's temporary password; their sessions end", {
        status: 204,
      }),
    })
    .input(s.adminSetPasswordInput)
    .mutation(async ({ ctx, input }) => {
      await setUserPassword(ctx, input);
    }),
  get: userProcedure
    .meta({
      permission: 'admin.read',
      rest: rest.post(
        '/admin/users/get',
        'A user with role links, TFA methods (no secrets), memberships, last login',
      ),
    })
    .input(s.userIdInput)
    .output(s.adminUserDetailOutput)
    .query(({ ctx, input }) => getUser(ctx, input)),
  revokeSessions: userProcedure
    .meta({
      permission: 'admin.write',
      rest: rest.post('/admin/users/sessions/revoke', "End all of a user's sessions", { status: 204 }),
    })
    .input(s.userIdInput)
    .mutation(async ({ ctx, input }) => {
      await revokeUserSessions(ctx, input);
    }),
  search: userProcedure
    .meta({
      permission: 'admin.read',
      rest: rest.post('/admin/users/search', 'Search users by part of their email, any case'),
    })
    .input(s.adminUserSearchInput)
    .output(s.adminUserSearchOutput)
    .query(({ ctx, input }) => searchUsers(ctx, input)),
  tfa: router({
    list: userProcedure
      .meta({
        permission: 'admin.read',
        rest: rest.post('/admin/users/tfa/list', "List a user's TFA methods"),
      })
      .input(s.userIdInput)
      .output(itemsOf(tfaMethodOutput))
      .query(({ ctx, input }) => listUserTfaMethods(ctx, input)),
    remove: userProcedure
      .meta({
        permission: 'admin.write',
        rest: rest.post('/admin/users/tfa/remove', "Remove a user's TFA method", { status: 204 }),
      })
      .input(s.adminTfaRemoveInput)
      .mutation(async ({ ctx, input }) => {
        await removeUserTfaMethod(ctx, input);
      }),
  }),
});
