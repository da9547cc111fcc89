import * as s from '../organizations/member-schemas';
import { listOrganizationAuditEvents } from '../services/audit/list-audit-events';
import { router, userProcedure } from '../trpc';

export const auditEventsRouter = router({
  list: userProcedure
    .input(s.auditListInput)
    .output(s.auditListOutput)
    .query(({ ctx, input }) => listOrganizationAuditEvents(ctx, input)),
});
