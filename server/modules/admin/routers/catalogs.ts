import 'server-only';
import { router, userProcedure } from '@/server/core/trpc';
import { listAuditEvents } from '@/server/modules/audit/services/list-audit-events';
import { emptyInput } from '@/server/modules/auth/schemas';
import * as s from '../schemas';
import { participantCatalog, roleCatalog } from '../services/catalogs';

export const adminRolesRouter = router({
  list: userProcedure
    .meta({
      permission: 'admin.read',
      rest: {
        method: 'POST',
        path: '/admin/roles/list',
        status: 200,
        auth: 'user',
        summary: 'Role codes with their scopes and permissions',
        tag: 'Admin',
      },
    })
    .input(emptyInput.optional())
    .output(s.roleCatalogOutput)
    .query(() => roleCatalog()),
});

export const adminParticipantTagsRouter = router({
  list: userProcedure
    .meta({
      permission: 'admin.read',
      rest: {
        method: 'POST',
        path: '/admin/participant-tags/list',
        status: 200,
        auth: 'user',
        summary: 'Participant tags with allowed measurers, verifiers, standard types',
        tag: 'Admin',
      },
    })
    .input(emptyInput.optional())
    .output(s.participantCatalogOutput)
    .query(() => participantCatalog()),
});

export const adminAuditRouter = router({
  list: userProcedure
    .meta({
      permission: 'admin.read',
      rest: {
        method: 'POST',
        path: '/admin/audit-events/list',
        status: 200,
        auth: 'user',
        summary: 'The audit log (filter by user, organization, action, date)',
        tag: 'Admin',
      },
    })
    .input(s.adminAuditListInput)
    .output(s.adminAuditListOutput)
    .query(({ ctx, input }) => listAuditEvents(ctx, input)),
});
