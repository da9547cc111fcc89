import 'server-only';
import { createCallerFactory, router } from './core/trpc';
import { adminRouter } from './modules/admin/router';
import { auditRouter } from './modules/audit/router';
import { authRouter } from './modules/auth/router';
import { membersRouter } from './modules/members/router';
import { organizationsRouter } from './modules/organizations/router';
import { profilesRouter } from './modules/profiles/router';

/** The one list of modules' routers: a module's key is its name everywhere (folder, page, components). */
export const appRouter = router({
  auth: authRouter,
  organizations: organizationsRouter,
  profiles: profilesRouter,
  members: membersRouter,
  audit: auditRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
