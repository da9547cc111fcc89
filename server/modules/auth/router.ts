import { AppError } from '@/server/core/errors';
import { publicProcedure, router, sessionProcedure, userProcedure } from '@/server/core/trpc';
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
    .input(s.emailInput)
    .output(s.sentOutput)
    .mutation(({ ctx, input }) => initiateLogin(ctx, input)),
  logout: sessionProcedure.input(s.emptyInput).mutation(({ ctx }) => logout(ctx)),
  refresh: publicProcedure
    .input(s.refreshInput)
    .output(s.tokenPairOutput)
    .mutation(({ ctx, input }) => refreshSession(ctx, input.refreshToken)),
  me: userProcedure
    .input(s.emptyInput.optional())
    .output(s.meOutput)
    .query(({ ctx }) => getMe(ctx)),
  changePassword: sessionProcedure
    .input(s.changePasswordInput)
    .mutation(({ ctx, input }) => changePassword(ctx, input)),
  requestPasswordReset: publicProcedure
    .input(s.emailInput)
    .output(s.sentOutput)
    .mutation(({ ctx, input }) => requestPasswordReset(ctx, input)),
  completePasswordReset: publicProcedure
    .input(s.resetCompleteInput)
    .mutation(({ ctx, input }) => completePasswordReset(ctx, input)),
  sessions: router({
    list: userProcedure.output(s.itemsOf(s.sessionOutput)).query(({ ctx }) => listOwnSessions(ctx)),
    revoke: userProcedure.input(s.idInput).mutation(({ ctx, input }) => revokeOwnSession(ctx, input._id)),
  }),
  tfa: router({
    list: userProcedure.output(s.itemsOf(s.tfaMethodOutput)).query(({ ctx }) => listTfaMethods(ctx)),
    create: userProcedure
      .input(s.tfaCreateInput)
      .output(s.tfaCreatedOutput)
      .mutation(({ ctx, input }) => createTfaMethod(ctx, input)),
    activate: userProcedure
      .input(s.tfaActivateInput)
      .output(s.tfaActivatedOutput)
      .mutation(({ ctx, input }) => activateTfaMethod(ctx, input)),
    disable: userProcedure
      .input(s.tfaChangeInput)
      .output(s.tfaMethodOutput)
      .mutation(({ ctx, input }) => changeTfaMethod(ctx, input, 'disabled')),
    remove: userProcedure.input(s.tfaChangeInput).mutation(async ({ ctx, input }) => {
      await changeTfaMethod(ctx, input, 'removed');
    }),
  }),
});
