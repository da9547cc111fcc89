import 'server-only';
import type { AnyTRPCRouter } from '@trpc/server';
import { createCallerFactory, router } from './core/trpc';
import { adminRouter } from './modules/admin/router';
import { apiKeysRouter } from './modules/api-keys/router';
import { auditRouter } from './modules/audit/router';
import { authRouter } from './modules/auth/router';
import type { RoutedModule } from './modules/catalog';
import { flagsRouter } from './modules/flags/router';
import { locationsRouter } from './modules/locations/router';
import { membersRouter } from './modules/members/router';
import { organizationsRouter } from './modules/organizations/router';
import { profilesRouter } from './modules/profiles/router';
import { reportsRouter } from './modules/reports/router';

/**
 * The server half of the one list of modules (the data half, errors and audit actions, is
 * server/modules/catalog.ts): each module's router under its name, which is its name everywhere
 * (folder, page, components). `satisfies` keeps both halves equal: a module listed there without a
 * router here, or a router here for a module not listed there, does not compile.
 */
const moduleRouters = {
  auth: authRouter,
  organizations: organizationsRouter,
  profiles: profilesRouter,
  members: membersRouter,
  audit: auditRouter,
  admin: adminRouter,
  apiKeys: apiKeysRouter,
  flags: flagsRouter,
  locations: locationsRouter,
  reports: reportsRouter,
} satisfies Record<RoutedModule, AnyTRPCRouter>;

export const appRouter = router(moduleRouters);

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
