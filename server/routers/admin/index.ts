import { router } from '../../trpc';
import { adminAuditEventsRouter, adminParticipantTagsRouter, adminRolesRouter } from './catalogs';
import { adminOrganizationsRouter, adminProfilesRouter } from './organizations';
import { adminUsersRouter } from './users';

export const adminRouter = router({
  users: adminUsersRouter,
  organizations: adminOrganizationsRouter,
  profiles: adminProfilesRouter,
  roles: adminRolesRouter,
  participantTags: adminParticipantTagsRouter,
  auditEvents: adminAuditEventsRouter,
});
