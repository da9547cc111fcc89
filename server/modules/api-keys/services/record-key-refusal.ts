import 'server-only';
import type { Db } from '@/db/client';
import type { ApiKeyPrincipal, RequestMeta } from '@/server/core/context';
import { auditActor, recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';

/**
 * key.refused: a key was turned away because its creator no longer holds the permission. Written
 * with the database itself, outside the refused request's transaction (which rolls back), so the
 * organization sees that a partner system is still calling with a key that must be replaced.
 */
export function recordKeyRefusal(db: Db, meta: RequestMeta, principal: ApiKeyPrincipal, permission: unknown) {
  return recordAuditEvent(db, meta, {
    action: 'key.refused',
    ...auditActor(principal),
    organizationId: principal.organizationId,
    targetType: 'api_key',
    targetId: principal.keyId,
    data: { clientId: principal.clientId, permission: typeof permission === 'string' ? permission : null },
  });
}
