import 'server-only';
import { AppError } from '@/server/core/errors';
import { publicProcedure, router, userProcedure } from '@/server/core/trpc';
import * as s from './schemas';
import { activateTfaMethod } from './services/activate-tfa-method';
import { changePassword } from './services/change-password';
import { changeTfaMethod, listTfaMethods } from './services/change-tfa-method';
import { createTfaMethod } from './services/create-tfa-method';
import { getMe } from './services/get-me';
import { initiateLogin } from './services/initiate-login';
import { login } from './services/login';
import { listOwnSessions, logout, revokeOwnSession } from './services/manage-own-sessions';
import { refreshSession } from './services/refresh-session';
import { completePasswordReset, requestPasswordReset } from './services/reset-password';

export const authRouter = router({
  login: publicProcedure
    .meta({
      permission: 'public',
      rest: {
        method: 'POST',
        path: '/auth/login',
        status: 200,
        auth: 'public',
        summary: 'Authenticate a user and return an access token',
        tag: 'Identity',
        secret: true,
        refusals: [
          { status: 401, codes: 'INVALID_CREDENTIALS, TFA_REQUIRED, TFA_INVALID' },
          { status: 403, codes: 'PASSWORD_CHANGE_REQUIRED, with restrictedToken for POST /auth/password' },
        ],
      },
    })
    .input(s.loginInput)
    .output(s.loginOutput)
    .mutation(async ({ ctx, input }) => {
      const result = await login(ctx, input, 'api');
      if (result.kind === 'password_change_required') {
        throw new AppError(
          'PASSWORD_CHANGE_REQUIRED',
          'Change your password with the restrictedToken (POST /auth/password).',
          {
            extra: {
              restrictedToken: result.restrictedToken,
              restrictedTokenExpiresAt: result.restrictedTokenExpiresAt,
            },
          },
        );
      }
      return { ...result.tokens!, user: result.user, deviceToken: result.deviceToken };
    }),
  initiateLogin: publicProcedure
    .meta({
      permission: 'public',
      rest: {
        method: 'POST',
        path: '/auth/login/initiate',
        status: 202,
        auth: 'public',
        summary: 'Initiate a login flow for a given email address (emails a one-time code)',
        tag: 'Identity',
      },
    })
    .input(s.emailInput)
    .output(s.sentOutput)
    .mutation(({ ctx, input }) => initiateLogin(ctx, input)),
  logout: userProcedure
    .meta({
      permission: 'session',
      rest: {
        method: 'POST',
        path: '/auth/logout',
        status: 204,
        auth: 'user',
        summary: 'Terminate the current session',
        tag: 'Identity',
      },
    })
    .input(s.emptyInput)
    .mutation(({ ctx }) => logout(ctx)),
  refresh: publicProcedure
    .meta({
      permission: 'public',
      rest: {
        method: 'POST',
        path: '/auth/refresh',
        status: 200,
        auth: 'public',
        summary: 'Refresh the current access token',
        tag: 'Identity',
        headers: { 'x-refresh-token': 'refreshToken' },
        secret: true,
        refusals: [{ status: 401, codes: 'INVALID_TOKEN, TOKEN_REUSED (the session is ended)' }],
      },
    })
    .input(s.refreshInput)
    .output(s.tokenPairOutput)
    .mutation(({ ctx, input }) => refreshSession(ctx, input.refreshToken)),
  me: userProcedure
    .meta({
      permission: 'self',
      preload: 'memberships',
      rest: {
        method: 'GET',
        path: '/auth/me',
        status: 200,
        auth: 'user',
        summary: 'Return the current user profile in the selected organization context',
        tag: 'Identity',
      },
    })
    .input(s.emptyInput.optional())
    .output(s.meOutput)
    .query(({ ctx }) => getMe(ctx)),
  changePassword: userProcedure
    .meta({
      permission: 'session',
      rest: {
        method: 'POST',
        path: '/auth/password',
        status: 204,
        auth: 'user',
        summary: 'Change the current user password',
        tag: 'Identity',
      },
    })
    .input(s.changePasswordInput)
    .mutation(({ ctx, input }) => changePassword(ctx, input)),
  requestPasswordReset: publicProcedure
    .meta({
      permission: 'public',
      rest: {
        method: 'POST',
        path: '/auth/password/reset',
        status: 202,
        auth: 'public',
        summary: 'Email a password reset link (same answer for unknown emails)',
        tag: 'Identity',
      },
    })
    .input(s.emailInput)
    .output(s.sentOutput)
    .mutation(({ ctx, input }) => requestPasswordReset(ctx, input)),
  completePasswordReset: publicProcedure
    .meta({
      permission: 'public',
      rest: {
        method: 'POST',
        path: '/auth/password/reset/complete',
        status: 204,
        auth: 'public',
        summary: 'Set a new password with the emailed reset token',
        tag: 'Identity',
        refusals: [{ status: 404, codes: 'LINK_INVALID: the reset link is invalid, used or expired' }],
      },
    })
    .input(s.resetCompleteInput)
    .mutation(({ ctx, input }) => completePasswordReset(ctx, input)),
  sessions: router({
    list: userProcedure
      .meta({
        permission: 'self',
        rest: {
          method: 'GET',
          path: '/auth/sessions',
          status: 200,
          auth: 'user',
          summary: "List the current user's sessions",
          tag: 'Identity',
        },
      })
      .output(s.itemsOf(s.sessionOutput))
      .query(({ ctx }) => listOwnSessions(ctx)),
    revoke: userProcedure
      .meta({
        permission: 'self',
        rest: {
          method: 'POST',
          path: '/auth/sessions/revoke',
          status: 204,
          auth: 'user',
          summary: "End one of the current user's sessions",
          tag: 'Identity',
        },
      })
      .input(s.idInput)
      .mutation(({ ctx, input }) => revokeOwnSession(ctx, input._id)),
  }),
  tfa: router({
    list: userProcedure
      .meta({
        permission: 'self',
        rest: {
          method: 'GET',
          path: '/auth/tfa',
          status: 200,
          auth: 'user',
          summary: 'List configured two-factor authentication methods for the current user',
          tag: 'Two-factor',
        },
      })
      .output(s.itemsOf(s.tfaMethodOutput))
      .query(({ ctx }) => listTfaMethods(ctx)),
    create: userProcedure
      .meta({
        permission: 'self',
        rest: {
          method: 'POST',
          path: '/auth/tfa/create',
          status: 201,
          auth: 'user',
          summary: 'Create a two-factor authentication method for the current user',
          tag: 'Two-factor',
          secret: true,
        },
      })
      .input(s.tfaCreateInput)
      .output(s.tfaCreatedOutput)
      .mutation(({ ctx, input }) => createTfaMethod(ctx, input)),
    activate: userProcedure
      .meta({
        permission: 'self',
        rest: {
          method: 'POST',
          path: '/auth/tfa/activate',
          status: 200,
          auth: 'user',
          summary: 'Activate a previously created two-factor authentication method',
          tag: 'Two-factor',
          secret: true,
        },
      })
      .input(s.tfaActivateInput)
      .output(s.tfaActivatedOutput)
      .mutation(({ ctx, input }) => activateTfaMethod(ctx, input)),
    disable: userProcedure
      .meta({
        permission: 'self',
        rest: {
          method: 'POST',
          path: '/auth/tfa/disable',
          status: 200,
          auth: 'user',
          summary: 'Disable a two-factor authentication method',
          tag: 'Two-factor',
        },
      })
      .input(s.tfaChangeInput)
      .output(s.tfaMethodOutput)
      .mutation(({ ctx, input }) => changeTfaMethod(ctx, input, 'disabled')),
    remove: userProcedure
      .meta({
        permission: 'self',
        rest: {
          method: 'POST',
          path: '/auth/tfa/remove',
          status: 204,
          auth: 'user',
          summary: 'Remove a two-factor authentication method',
          tag: 'Two-factor',
        },
      })
      .input(s.tfaChangeInput)
      .mutation(async ({ ctx, input }) => {
        await changeTfaMethod(ctx, input, 'removed');
      }),
  }),
});
