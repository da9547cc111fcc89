import { createCallerFactory, router } from '../trpc';
import { adminRouter } from './admin';
import { auditEventsRouter } from './audit-events';
import { authRouter } from './auth';
import { invitationsRouter, organizationUsersRouter } from './organization-users';
import { organizationsRouter, profilesRouter } from './organizations';

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
