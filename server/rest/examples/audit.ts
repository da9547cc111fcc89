import 'server-only';
import { auditEvent, ids, type OperationExample } from './fixtures';

/** The audit module's REST examples (see server/rest/examples.ts). */
export const auditExamples: Readonly<Record<string, OperationExample>> = {
  'audit.list': {
    request: { organizationId: ids.organization, action: 'organization.member', limit: 25 },
    response: { items: [auditEvent], nextCursor: null, total: 1, totalIsEstimate: false },
  },
};
