import { router, userProcedure } from '@/server/core/trpc';
import * as s from '@/server/modules/members/schemas';
import { listOrganizationAuditEvents } from './services/list-audit-events';

export const auditEventsRouter = router({
  list: userProcedure
    .input(s.auditListInput)
    .output(s.auditListOutput)
    .query(({ ctx, input }) => listOrganizationAuditEvents(ctx, input)),
});
