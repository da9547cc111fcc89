import 'server-only';
import { router, userProcedure } from '@/server/core/trpc';
import * as s from '@/server/modules/members/schemas';
import { listOrganizationAuditEvents } from './services/list-audit-events';

export const auditRouter = router({
  list: userProcedure
    .meta({
      permission: 'audit.read',
      rest: {
        method: 'POST',
        path: '/audit-events/list',
        status: 200,
        auth: 'user',
        summary: "The organization's audit log (organization admins)",
        tag: 'Organizations',
      },
    })
    .input(s.auditListInput)
    .output(s.auditListOutput)
    .query(({ ctx, input }) => listOrganizationAuditEvents(ctx, input)),
});
