import 'server-only';
import { router, userProcedure } from '@/server/core/trpc';
import { adminApiKeysRouter } from './routers/api-keys';
import {
  adminAuditRouter,
  adminFeatureFlagsRouter,
  adminParticipantTagsRouter,
  adminRolesRouter,
} from './routers/catalogs';
import { adminLocationsRouter } from './routers/locations';
import { adminOrganizationsRouter, adminProfilesRouter } from './routers/organizations';
import { adminPreproductionRouter } from './routers/preproduction';
import { adminReportsRouter } from './routers/reports';
import { adminUsersRouter } from './routers/users';
import * as s from './schemas';
import { adminOverview } from './services/overview';

export const adminRouter = router({
  users: adminUsersRouter,
  organizations: adminOrganizationsRouter,
  profiles: adminProfilesRouter,
  locations: adminLocationsRouter,
  roles: adminRolesRouter,
  participantTags: adminParticipantTagsRouter,
  featureFlags: adminFeatureFlagsRouter,
  audit: adminAuditRouter,
  apiKeys: adminApiKeysRouter,
  preproduction: adminPreproductionRouter,
  reports: adminReportsRouter,
  /** the console's first page (tRPC only, no REST route): counts by status */
  overview: userProcedure
    .meta({ permission: 'admin.read' })
    .output(s.adminOverviewOutput)
    .query(({ ctx }) => adminOverview(ctx)),
});
