import 'server-only';
import { restShapes } from '@/server/core/meta';
import { router, userProcedure } from '@/server/core/trpc';
import * as s from '@/server/modules/members/schemas';
import { listOrganizationAuditEvents } from './services/list-audit-events';

const rest = restShapes('Organizations');

export const auditRouter = router({
  list: userProcedure
    .meta({
      permission: 'audit.read',
      rest: rest.post('/audit-events/list', "The organization's audit log (organization admins)"),
    })
    .input(s.auditListInput)
    .output(s.auditListOutput)
    .query(({ ctx, input }) => listOrganizationAuditEvents(ctx, input)),
});
