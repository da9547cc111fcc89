import { adminProcedure, router } from '@/server/core/trpc';
import { listAuditEvents } from '@/server/modules/audit/services/list-audit-events';
import { emptyInput } from '@/server/modules/auth/schemas';
import * as s from '../schemas';
import { participantCatalog, roleCatalog } from '../services/catalogs';

export const adminRolesRouter = router({
  list: adminProcedure('read')
    .input(emptyInput.optional())
    .output(s.roleCatalogOutput)
    .query(() => roleCatalog()),
});

export const adminParticipantTagsRouter = router({
  list: adminProcedure('read')
    .input(emptyInput.optional())
    .output(s.participantCatalogOutput)
    .query(() => participantCatalog()),
});

export const adminAuditEventsRouter = router({
  list: adminProcedure('read')
    .input(s.adminAuditListInput)
    .output(s.adminAuditListOutput)
    .query(({ ctx, input }) => listAuditEvents(ctx, input)),
});
