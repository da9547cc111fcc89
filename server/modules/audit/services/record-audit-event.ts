import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditEvents, roleLinks } from '@/db/schema';
import type { RequestMeta } from '@/server/core/context';

export type AuditAction =
  | 'auth.login'
  | 'auth.login.failed'
  | 'auth.login.throttled'
  | 'auth.logout'
  | 'auth.session.revoked'
  | 'auth.refresh.reused'
  | 'auth.password.changed'
  | 'auth.password.reset.requested'
  | 'auth.password.reset.completed'
  | 'auth.tfa.created'
  | 'auth.tfa.activated'
  | 'auth.tfa.disabled'
  | 'auth.tfa.removed'
  | 'auth.recovery_code.used'
  | 'admin.bootstrap'
  | 'organization.created'
  | 'organization.updated'
  | 'organization.archived'
  | 'organization.restored'
  | 'profile.created'
  | 'profile.updated'
  | 'member.invited'
  | 'member.added'
  | 'member.invitation.resent'
  | 'member.invitation.cancelled'
  | 'member.invitation.declined'
  | 'member.joined'
  | 'member.removed'
  | 'member.left'
  | 'member.roles.changed'
  | 'member.profile_roles.changed'
  | 'admin.user.created'
  | 'admin.user.updated'
  | 'admin.user.role_links.added'
  | 'admin.user.role_links.removed'
  | 'admin.user.password.set'
  | 'admin.user.sessions.revoked'
  | 'admin.user.tfa.removed';

export type AuditEventInput = {
  action: AuditAction;
  actorUserId?: string | null;
  subjectUserId?: string | null;
  organizationId?: string | null;
  targetType?: string;
  targetId?: string;
  data?: Record<string, unknown>;
};

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
