import { asc } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import {
  auditEvents,
  businessLocations,
  invitations,
  jobs,
  locationImports,
  organizationMembers,
  organizationProfiles,
  organizations,
  outbox,
  profileFlags,
  roleLinks,
  users,
} from '@/db/schema';
import { allPermissions, isPlatformPermission } from '@/server/core/access/catalog';
import type { ApiKeyPrincipal, UserPrincipal } from '@/server/core/context';
import type { Runtime } from '@/server/core/runtime';
import { sessionCookieName } from '@/server/modules/auth/browser-session';
import { startSession } from '@/server/modules/auth/services/start-session';
import { signAccessToken } from '@/server/modules/auth/tokens';
import { addMember, createProfileRow, createTenant, grantProfileRole } from '../helpers/organizations';
import { contextOf, createUser, signedIn } from '../helpers/runtime';

async function invite(rt: Runtime, organizationId: string) {
  const invitee = await createUser(rt);
  await addMember(rt, organizationId, invitee.id, [], 'invited');
  await rt.db.insert(invitations).values({
    organizationId,
    userId: invitee.id,
    tokenHash: `isolation-${invitee.id}`,
    expiresAt: new Date(rt.clock.now().getTime() + 86_400_000),
  });
  return invitee;
}

/** A finished location import of this profile (the browser's CSV job), written straight to the database. */
async function importOf(rt: Runtime, organizationId: string, profileId: string) {
  const [row] = await rt.db
    .insert(locationImports)
    .values({ organizationId, profileId, status: 'done', finishedAt: rt.clock.now() })
    .returning();
  return row!;
}

/** A business location of this profile, written straight to the database. */
async function locationOf(rt: Runtime, organizationId: string, profileId: string, name: string) {
  const [row] = await rt.db
    .insert(businessLocations)
    .values({ organizationId, profileId, name, address: { country: 'US' } })
    .returning();
  return row!;
}

/** A user as each entry point sees them: a principal for the caller, a bearer token, a browser cookie. */
export type Attacker = Readonly<{
  principal: UserPrincipal;
  /** REST: Authorization: Bearer */
  token: string;
  /** /api/trpc: the next-auth session cookie of a browser sign-in */
  cookie: string;
}>;

async function attacker(rt: Runtime, userId: string): Promise<Attacker> {
  const { principal } = await signedIn(rt, userId);
  const api = await startSession(rt.db, contextOf(rt), { userId, restricted: false, channel: 'api' });
  const access = await signAccessToken(rt.keys, { sid: api.id, restricted: false }, rt.clock.now());
  const browser = await signedIn(rt, userId, 'browser');
  const jwt = await encode({ token: { sid: browser.principal.session.id }, secret: rt.keys.nextAuth });
  return { principal, token: access.token, cookie: `${sessionCookieName(rt.config.appUrl)}=${jwt}` };
}

/** Every scope a key could hold on a tenant (admin.* excluded). */
export const tenantScopes = allPermissions.filter((p) => !isPlatformPermission(p));

/** The test API-key principal (no key rows exist yet): acting for one profile with these scopes. */
export const apiKeyOf = (
  organizationId: string,
  profileId: string,
  createdBy: string,
  keyId = 'isolation-key',
): ApiKeyPrincipal => ({
  kind: 'apiKey',
  keyId,
  clientId: `client-${keyId}`,
  organizationId,
  profileId,
  scopes: tenantScopes,
  createdBy,
  creatorActive: true,
});

/**
 * Two tenants for the isolation matrix. A has two profiles (P1 = a.profile, P2 = aSibling), an
 * admin, a plain member, a pending invitee and a user holding only basic.admin on P1; B has an
 * admin, a member and a pending invitee. Plus a platform.support user who is nobody's member.
 */
export async function createTwoTenants(rt: Runtime) {
  const a = await createTenant(rt, 'Alpha Gas');
  const b = await createTenant(rt, 'Bravo Pipeline');
  const aSibling = await createProfileRow(rt, a.organization.id, { name: 'Alpha Gas Storage' });
  const aInvitee = await invite(rt, a.organization.id);
  const bInvitee = await invite(rt, b.organization.id);
  const profileAdmin = await createUser(rt);
  await addMember(rt, a.organization.id, profileAdmin.id, []);
  await grantProfileRole(rt, a.profile.id, profileAdmin.id, 'basic.admin');
  const support = await createUser(rt, { platformRoles: ['platform.support'] });
  return {
    a,
    b,
    aSibling,
    /** a business location in each of P1, P2 and B's profile */
    locations: {
      a: await locationOf(rt, a.organization.id, a.profile.id, 'Alpha Buying Point'),
      aSibling: await locationOf(rt, a.organization.id, aSibling.id, 'Alpha Storage Field'),
      b: await locationOf(rt, b.organization.id, b.profile.id, 'Bravo Compressor'),
    },
    /** a location import (CSV job) in each of P1, P2 and B's profile */
    imports: {
      a: await importOf(rt, a.organization.id, a.profile.id),
      aSibling: await importOf(rt, a.organization.id, aSibling.id),
      b: await importOf(rt, b.organization.id, b.profile.id),
    },
    aInvitee,
    bInvitee,
    profileAdmin,
    support,
    as: {
      foreignAdmin: await attacker(rt, a.admin.id),
      member: await attacker(rt, a.member.id),
      profileRole: await attacker(rt, profileAdmin.id),
      support: await attacker(rt, support.id),
    },
    /** a key of B's profile, made by B's admin */
    bKey: apiKeyOf(b.organization.id, b.profile.id, b.admin.id, 'key-of-b'),
    /** a key of A's sibling profile P2, made by A's admin */
    siblingKey: apiKeyOf(a.organization.id, aSibling.id, a.admin.id, 'key-of-a-p2'),
  };
}

export type TwoTenants = Awaited<ReturnType<typeof createTwoTenants>>;

/**
 * Every row a refused call could have touched, in a stable order: equal before and after means
 * nothing changed (audit events and mail included, so a refusal leaves no trace either).
 */
export async function snapshot(rt: Runtime) {
  const [orgs, profiles, members, invites, links, people, mail, audit, queued, locations, imports, flags] =
    await Promise.all([
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
      rt.db.select().from(businessLocations).orderBy(asc(businessLocations.id)),
      rt.db.select().from(locationImports).orderBy(asc(locationImports.id)),
      rt.db.select().from(profileFlags).orderBy(asc(profileFlags.profileId), asc(profileFlags.flag)),
    ]);
  return JSON.stringify({
    orgs,
    profiles,
    members,
    invites,
    links,
    people,
    mail,
    audit,
    queued,
    locations,
    imports,
    flags,
  });
}
