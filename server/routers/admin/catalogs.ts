import * as s from '../../admin/schemas';
import { emptyInput } from '../../auth/schemas';
import { participantCatalog, roleCatalog } from '../../services/admin/catalogs';
import { listAuditEvents } from '../../services/audit/list-audit-events';
import { adminProcedure, router } from '../../trpc';

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
