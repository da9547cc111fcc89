import { asc } from 'drizzle-orm';
import {
  auditEvents,
  invitations,
  jobs,
  organizationMembers,
  organizationProfiles,
  organizations,
  outbox,
  roleLinks,
  users,
} from '@/db/schema';
import type { Runtime } from '@/server/core/runtime';
import { addMember, createTenant } from '../helpers/organizations';
import { createUser } from '../helpers/runtime';

/** Two tenants, each with an admin, a member and a pending invitee, for the isolation matrix. */
export async function createTwoTenants(rt: Runtime) {
  const a = await createTenant(rt, 'Alpha Gas');
  const b = await createTenant(rt, 'Bravo Pipeline');
  const invitee = await createUser(rt);
  await addMember(rt, b.organization.id, invitee.id, [], 'invited');
  await rt.db.insert(invitations).values({
    organizationId: b.organization.id,
    userId: invitee.id,
    tokenHash: `isolation-${invitee.id}`,
    expiresAt: new Date(rt.clock.now().getTime() + 86_400_000),
  });
  return { a, b, bInvitee: invitee };
}

export type TwoTenants = Awaited<ReturnType<typeof createTwoTenants>>;

/**
 * Every row a refused call could have touched, in a stable order: equal before and after means
 * nothing changed (audit events and mail included, so a refusal leaves no trace either).
 */
export async function snapshot(rt: Runtime) {
  const [orgs, profiles, members, invites, links, people, mail, audit, queued] = await Promise.all([
    rt.db.select().from(organizations).orderBy(asc(organizations.id)),
    rt.db.select().from(organizationProfiles).orderBy(asc(organizationProfiles.id)),
    rt.db
      .select()
      .from(organizationMembers)
      .orderBy(asc(organizationMembers.organizationId), asc(organizationMembers.userId)),
    rt.db.select().from(invitations).orderBy(asc(invitations.tokenHash)),
    rt.db.select().from(roleLinks).orderBy(asc(roleLinks.id)),
    rt.db.select().from(users).orderBy(asc(users.id)),
    rt.db.select({ id: outbox.id }).from(outbox).orderBy(asc(outbox.id)),
    rt.db.select({ id: auditEvents.id }).from(auditEvents).orderBy(asc(auditEvents.id)),
    rt.db.select({ id: jobs.id }).from(jobs).orderBy(asc(jobs.id)),
  ]);
  return JSON.stringify({ orgs, profiles, members, invites, links, people, mail, audit, queued });
}
