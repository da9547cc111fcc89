import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { auditEvents, businessLocations } from '@/db/schema';
import type { ApiKeyPrincipal } from '@/server/core/context';
import type { Runtime } from '@/server/core/runtime';
import { scopePermissions } from '@/server/modules/api-keys/catalog';
import type { locationCreateInput } from '@/server/modules/locations/schemas';
import { callerAs, callerFor } from '../helpers/callers';
import { addMember, createTenant, grantProfileRole } from '../helpers/organizations';
import { createUser } from '../helpers/runtime';

let keyCounter = 0;

type LocationCreate = z.input<typeof locationCreateInput>;

/**
 * An API-key principal of this profile with these scopes, made by `createdBy` (built directly:
 * the REST replay uses real keys). Its permissions are the scopes' permissions.
 */
export function keyPrincipal(
  tenant: { organization: { id: string }; profile: { id: string } },
  createdBy: string,
  scopes: Parameters<typeof scopePermissions>[0],
): ApiKeyPrincipal {
  const keyId = `0197a1b2-0000-7000-8000-${String(++keyCounter).padStart(12, '0')}`;
  return {
    kind: 'apiKey',
    keyId,
    clientId: `pvk_test${keyCounter}`,
    organizationId: tenant.organization.id,
    profileId: tenant.profile.id,
    scopes: [...scopePermissions(scopes)],
    createdBy,
    creatorActive: true,
  };
}

/**
 * A tenant for location tests: its admin, a basic.viewer and a basic.editor on the profile, a
 * plain member, API keys with locations:read and locations:write; and another tenant.
 */
export async function createLocationTenants(rt: Runtime) {
  const a = await createTenant(rt, `Alpha ${++keyCounter}`);
  const b = await createTenant(rt, `Bravo ${++keyCounter}`);
  const viewer = await createUser(rt);
  const editor = await createUser(rt);
  await addMember(rt, a.organization.id, viewer.id, []);
  await addMember(rt, a.organization.id, editor.id, []);
  await grantProfileRole(rt, a.profile.id, viewer.id, 'basic.viewer');
  await grantProfileRole(rt, a.profile.id, editor.id, 'basic.editor');
  const readKey = keyPrincipal(a, a.admin.id, ['locations:read']);
  const writeKey = keyPrincipal(a, a.admin.id, ['locations:write']);
  return {
    a,
    b,
    asAdmin: await callerFor(rt, a.admin.id),
    asMember: await callerFor(rt, a.member.id),
    asViewer: await callerFor(rt, viewer.id),
    asEditor: await callerFor(rt, editor.id),
    asReadKey: callerAs(rt, readKey),
    asWriteKey: callerAs(rt, writeKey),
    asForeign: await callerFor(rt, b.admin.id),
    writeKey,
  };
}

/** The seed's #21 body for this profile. */
export const seedLocation = (profileId: string, name = 'Location Name'): LocationCreate => ({
  profileId,
  name,
  type: 'buying',
  basin: 'Permian',
  isDirectConnection: false,
  preferredSuppliers: ['Antero'],
  coordinates: { latitude: 31.972096, longitude: -83.76064 },
  address: { country: 'US' },
});

export const locationRow = async (rt: Runtime, id: string) =>
  (await rt.db.select().from(businessLocations).where(eq(businessLocations.id, id)))[0];

export const eventsOf = (rt: Runtime, targetId: string) =>
  rt.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.targetId, targetId))
    .orderBy(auditEvents.at, auditEvents.id);
