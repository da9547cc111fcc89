import 'server-only';
import { router } from '@/server/core/trpc';
import { adminAuditRouter, adminParticipantTagsRouter, adminRolesRouter } from './routers/catalogs';
import { adminOrganizationsRouter, adminProfilesRouter } from './routers/organizations';
import { adminUsersRouter } from './routers/users';

export const adminRouter = router({
  users: adminUsersRouter,
  organizations: adminOrganizationsRouter,
  profiles: adminProfilesRouter,
  roles: adminRolesRouter,
  participantTags: adminParticipantTagsRouter,
  audit: adminAuditRouter,
});
