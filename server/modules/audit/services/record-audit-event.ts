import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditEvents, roleLinks } from '@/db/schema';
import { actingUserId, type Principal, type RequestMeta } from '@/server/core/context';
import type { AuditAction } from '@/server/modules/catalog';

/** The union of every module's declared actions (server/modules/<area>/audit.ts). */
export type { AuditAction };

export type AuditEventInput = {
  action: AuditAction;
  actorUserId?: string | null;
  /** the API key that acted; actorUserId is then the key's creator */
  actorKeyId?: string | null;
  subjectUserId?: string | null;
  organizationId?: string | null;
  targetType?: string;
  targetId?: string;
  data?: Record<string, unknown>;
};

/** The actor fields of an event done by this principal: the person, or the key and its creator. */
export const auditActor = (principal: Principal) => ({
  actorUserId: actingUserId(principal),
  actorKeyId: principal.kind === 'apiKey' ? principal.keyId : null,
});

/** Appends one event; call it with the transaction that made the change, so both land or neither. */
export async function recordAuditEvent(
  tx: Db,
  meta: RequestMeta | undefined,
  event: AuditEventInput,
  at?: Date,
) {
  await tx.insert(auditEvents).values({
    ...event,
    ...(at ? { at } : {}),
    data: event.data ?? {},
    ip: meta?.ip,
    requestId: meta?.requestId,
    // Decided when the event is written, in the same statement: a later change of the person's
    // roles must not reveal a staff member to tenants, nor hide a tenant's own member.
    actorStaff: event.actorUserId ? actorHoldsPlatformRole(event.actorUserId) : false,
  });
}

const actorHoldsPlatformRole = (userId: string) => sql`exists (select 1 from ${roleLinks}
  where ${roleLinks.userId} = ${userId}::uuid and ${roleLinks.entityType} = 'platform')`;
