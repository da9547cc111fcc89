import { createCallerFactory, router } from '@/server/core/trpc';
import { adminRouter } from '@/server/modules/admin/router';
import { auditEventsRouter } from '@/server/modules/audit/router';
import { authRouter } from '@/server/modules/auth/router';
import { invitationsRouter, organizationUsersRouter } from '@/server/modules/members/router';
import { organizationsRouter, profilesRouter } from '@/server/modules/organizations/router';

export const appRouter = router({
  auth: authRouter,
  organizations: organizationsRouter,
  profiles: profilesRouter,
  organizationUsers: organizationUsersRouter,
  invitations: invitationsRouter,
  auditEvents: auditEventsRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
