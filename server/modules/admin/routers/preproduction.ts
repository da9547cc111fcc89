import 'server-only';
import { restShapes } from '@/server/core/meta';
import { router, userProcedure } from '@/server/core/trpc';
import * as s from '../preproduction/schemas';
import { preproductionStatus } from '../services/preproduction-status';
import { resetPreproduction } from '../services/reset-preproduction';

const rest = restShapes('Admin');

/**
 * The preproduction copy's reset. Both are user procedures with admin.write: a signed-in platform
 * admin, never an API key (not even one with the admin scope), and never platform support.
 */
export const adminPreproductionRouter = router({
  /** the console's page (tRPC only): environment, fresh sign-in, mail delivery, the last reset */
  status: userProcedure
    .meta({ permission: 'admin.write' })
    .output(s.preproductionStatusOutput)
    .query(({ ctx }) => preproductionStatus(ctx)),
  reset: userProcedure
    .meta({
      permission: 'admin.write',
      rest: rest.post(
        '/admin/preproduction/reset',
        "Preproduction only: every user gets the temporary password (changed at the next sign-in); every session but the caller's, refresh token, API key, TFA method, recovery code, login code, reset and invitation link ends; emails become user-<id>@preproduction.invalid (the caller's stays); mail is held in the outbox. Needs a sign-in within the last 10 minutes",
        {
          refusals: [
            {
              status: 403,
              codes:
                'FORBIDDEN (not a platform admin), NOT_PREPRODUCTION (this deployment is not preproduction) or FRESH_SIGN_IN_REQUIRED (signed in more than 10 minutes ago)',
            },
          ],
        },
      ),
    })
    .input(s.preproductionResetInput)
    .output(s.preproductionResetSummary)
    .mutation(({ ctx, input }) => resetPreproduction(ctx, input)),
});
