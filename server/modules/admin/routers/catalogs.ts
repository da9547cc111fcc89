import 'server-only';
import { restShapes } from '@/server/core/meta';
import { router, userProcedure } from '@/server/core/trpc';
import { listAuditEvents } from '@/server/modules/audit/services/list-audit-events';
import { emptyInput } from '@/server/modules/auth/schemas';
import * as s from '../schemas';
import { featureFlagCatalog, participantCatalog, roleCatalog } from '../services/catalogs';

const rest = restShapes('Admin');

export const adminRolesRouter = router({
  list: userProcedure
    .meta({
      permission: 'admin.read',
      rest: rest.post('/admin/roles/list', 'Role codes with their scopes and permissions'),
    })
    .input(emptyInput.optional())
    .output(s.roleCatalogOutput)
    .query(() => roleCatalog()),
});

export const adminParticipantTagsRouter = router({
  list: userProcedure
    .meta({
      permission: 'admin.read',
      rest: rest.post(
        '/admin/participant-tags/list',
        'Participant tags with allowed measurers, verifiers, standard types',
      ),
    })
    .input(emptyInput.optional())
    .output(s.participantCatalogOutput)
    .query(() => participantCatalog()),
});

export const adminFeatureFlagsRouter = router({
  list: userProcedure
    .meta({
      permission: 'admin.read',
      rest: rest.post(
        '/admin/feature-flags/list',
        'Feature flags with their descriptions and the modules they switch on',
      ),
    })
    .input(emptyInput.optional())
    .output(s.featureFlagCatalogOutput)
    .query(() => featureFlagCatalog()),
});

export const adminAuditRouter = router({
  list: userProcedure
    .meta({
      permission: 'admin.read',
      rest: rest.post(
        '/admin/audit-events/list',
        'The audit log (filter by user, organization, action, date)',
      ),
    })
    .input(s.adminAuditListInput)
    .output(s.adminAuditListOutput)
    .query(({ ctx, input }) => listAuditEvents(ctx, input)),
});
