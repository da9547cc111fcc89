import 'server-only';
import { AppError } from '@/server/core/errors';
import { restShapes } from '@/server/core/meta';
import { publicProcedure, router, userProcedure } from '@/server/core/trpc';
import { updateProfileInput } from './account/schemas';
import * as s from './schemas';
import { activateTfaMethod } from './services/activate-tfa-method';
import { changePassword } from './services/change-password';
import { changeTfaMethod, listTfaMethods } from './services/change-tfa-method';
import { createTfaMethod } from './services/create-tfa-method';
import { getMe } from './services/get-me';
import { initiateLogin } from './services/initiate-login';
import { login } from './services/login';
import {
  listOwnSessions,
  logout,
  revokeOtherSessions,
  revokeOwnSession,
} from './services/manage-own-sessions';
import { recoveryCodesStatus, regenerateRecoveryCodes } from './services/recovery-codes';
import { refreshSession } from './services/refresh-session';
import { completePasswordReset, requestPasswordReset } from './services/reset-password';
import { updateProfile } from './services/update-profile';

const rest = restShapes('Identity');

export const authRouter = router({
  login: publicProcedure
    .meta({
      permission: 'public',
      rest: rest.post('/auth/login', 'Authenticate a user and return an access token', {
        auth: 'public',
        secret: true,
        refusals: [
          { status: 401, codes: 'INVALID_CREDENTIALS, TFA_REQUIRED, TFA_INVALID' },
          { status: 403, codes: 'PASSWORD_CHANGE_REQUIRED, with restrictedToken for POST /auth/password' },
        ],
      }),
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
      rest: rest.post(
        '/auth/login/initiate',
        'Initiate a login flow for a given email address (emails a one-time code)',
        { status: 202, auth: 'public' },
      ),
    })
    .input(s.emailInput)
    .output(s.sentOutput)
    .mutation(({ ctx, input }) => initiateLogin(ctx, input)),
  logout: userProcedure
    .meta({
      permission: 'session',
      rest: rest.post('/auth/logout', 'Terminate the current session', { status: 204 }),
    })
    .input(s.emptyInput)
    .mutation(({ ctx }) => logout(ctx)),
  refresh: publicProcedure
    .meta({
      permission: 'public',
      rest: rest.post('/auth/refresh', 'Refresh the current access token', {
        auth: 'public',
        headers: { 'x-refresh-token': 'refreshToken' },
        secret: true,
        refusals: [{ status: 401, codes: 'INVALID_TOKEN, TOKEN_REUSED (the session is ended)' }],
      }),
    })
    .input(s.refreshInput)
    .output(s.tokenPairOutput)
    .mutation(({ ctx, input }) => refreshSession(ctx, input.refreshToken)),
  me: userProcedure
    .meta({
      permission: 'self',
      preload: 'memberships',
      rest: rest.get('/auth/me', 'Return the current user profile in the selected organization context'),
    })
    .input(s.emptyInput.optional())
    .output(s.meOutput)
    .query(({ ctx }) => getMe(ctx)),
  updateProfile: userProcedure
    .meta({
      permission: 'self',
      rest: rest.post('/auth/me/update', "Change the current user's own first and last name"),
    })
    .input(updateProfileInput)
    .output(s.userOutput)
    .mutation(({ ctx, input }) => updateProfile(ctx, input)),
  changePassword: userProcedure
    .meta({
      permission: 'session',
      rest: rest.post('/auth/password', 'Change the current user password', { status: 204 }),
    })
    .input(s.changePasswordInput)
    .mutation(({ ctx, input }) => changePassword(ctx, input)),
  requestPasswordReset: publicProcedure
    .meta({
      permission: 'public',
      rest: rest.post(
        '/auth/password/reset',
        'Email a password reset link (same answer for unknown emails)',
        { status: 202, auth: 'public' },
      ),
    })
    .input(s.emailInput)
    .output(s.sentOutput)
    .mutation(({ ctx, input }) => requestPasswordReset(ctx, input)),
  completePasswordReset: publicProcedure
    .meta({
      permission: 'public',
      rest: rest.post('/auth/password/reset/complete', 'Set a new password with the emailed reset token', {
        status: 204,
        auth: 'public',
        refusals: [{ status: 404, codes: 'LINK_INVALID: the reset link is invalid, used or expired' }],
      }),
    })
    .input(s.resetCompleteInput)
    .mutation(({ ctx, input }) => completePasswordReset(ctx, input)),
  sessions: router({
    list: userProcedure
      .meta({ permission: 'self', rest: rest.get('/auth/sessions', "List the current user's sessions") })
      .output(s.itemsOf(s.sessionOutput))
      .query(({ ctx }) => listOwnSessions(ctx)),
    revoke: userProcedure
      .meta({
        permission: 'self',
        rest: rest.post('/auth/sessions/revoke', "End one of the current user's sessions", { status: 204 }),
      })
      .input(s.idInput)
      .mutation(({ ctx, input }) => revokeOwnSession(ctx, input._id)),
    revokeOthers: userProcedure
      .meta({
        permission: 'self',
        rest: rest.post(
          '/auth/sessions/revoke-others',
          'End every session of the current user except the current one (their refresh tokens too)',
        ),
      })
      .input(s.emptyInput)
      .output(s.revokedCountOutput)
      .mutation(({ ctx }) => revokeOtherSessions(ctx)),
  }),
  tfa: router({
    recoveryCodes: userProcedure
      .meta({
        permission: 'self',
        rest: rest.get('/auth/tfa/recovery-codes', "Count the current user's unused recovery codes", {
          tag: 'Two-factor',
        }),
      })
      .output(s.recoveryCodesStatusOutput)
      .query(({ ctx }) => recoveryCodesStatus(ctx)),
    regenerateRecoveryCodes: userProcedure
      .meta({
        permission: 'self',
        rest: rest.post(
          '/auth/tfa/recovery-codes/regenerate',
          'Replace the current user recovery codes with 10 new ones (the old ones stop working)',
          {
            tag: 'Two-factor',
            secret: true,
          },
        ),
      })
      .input(s.regenerateRecoveryCodesInput)
      .output(s.recoveryCodesOutput)
      .mutation(({ ctx, input }) => regenerateRecoveryCodes(ctx, input)),
    list: userProcedure
      .meta({
        permission: 'self',
        rest: rest.get(
          '/auth/tfa',
          'List configured two-factor authentication methods for the current user',
          { tag: 'Two-factor' },
        ),
      })
      .output(s.itemsOf(s.tfaMethodOutput))
      .query(({ ctx }) => listTfaMethods(ctx)),
    create: userProcedure
      .meta({
        permission: 'self',
        rest: rest.post(
          '/auth/tfa/create',
          'Create a two-factor authentication method for the current user',
          { status: 201, tag: 'Two-factor', secret: true },
        ),
      })
      .input(s.tfaCreateInput)
      .output(s.tfaCreatedOutput)
      .mutation(({ ctx, input }) => createTfaMethod(ctx, input)),
    activate: userProcedure
      .meta({
        permission: 'self',
        rest: rest.post(
          '/auth/tfa/activate',
          'Activate a previously created two-factor authentication method',
          { tag: 'Two-factor', secret: true },
        ),
      })
      .input(s.tfaActivateInput)
      .output(s.tfaActivatedOutput)
      .mutation(({ ctx, input }) => activateTfaMethod(ctx, input)),
    disable: userProcedure
      .meta({
        permission: 'self',
        rest: rest.post('/auth/tfa/disable', 'Disable a two-factor authentication method', {
          tag: 'Two-factor',
        }),
      })
      .input(s.tfaChangeInput)
      .output(s.tfaMethodOutput)
      .mutation(({ ctx, input }) => changeTfaMethod(ctx, input, 'disabled')),
    remove: userProcedure
      .meta({
        permission: 'self',
        rest: rest.post('/auth/tfa/remove', 'Remove a two-factor authentication method', {
          status: 204,
          tag: 'Two-factor',
        }),
      })
      .input(s.tfaChangeInput)
      .mutation(async ({ ctx, input }) => {
        await changeTfaMethod(ctx, input, 'removed');
      }),
  }),
});
