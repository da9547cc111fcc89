import 'server-only';
import { and, eq, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { organizationMembers, organizationProfiles, organizations, roleLinks } from '@/db/schema';
import type { Principal, RequestContext } from '../context';
import { AppError } from '../errors';
import { allPermissions, isReadPermission, type Permission, permissionsOf } from './catalog';
import { isPlatformAdmin, isPlatformStaff } from './platform';

export type AccessTarget = 'platform' | { organizationId: string } | { profileId: string };

/** What `authorize` proved: the tenant the record lives in and what the principal may do there. */
export type Access = Readonly<{
  organizationId: string | null;
  profileId: string | null;
  /** role codes the principal holds on the target through membership (organization and profile links) */
  roleCodes: readonly string[];
  permissions: ReadonlySet<Permission>;
}>;

const everything: ReadonlySet<Permission> = new Set(allPermissions);
const everyRead: ReadonlySet<Permission> = new Set(allPermissions.filter(isReadPermission));

/** platform.admin holds every permission everywhere, platform.support every read. */
export function platformPermissions(platformRoles: readonly string[]): ReadonlySet<Permission> {
  if (isPlatformAdmin(platformRoles)) return everything;
  if (isPlatformStaff(platformRoles)) return everyRead;
  return new Set();
}

function buildTargetQuery(db: Db, byProfile: boolean) {
  const userId = sql.placeholder('userId');
  const targetId = sql.placeholder('targetId');
  const linkOnTarget = byProfile
    ? or(
        and(eq(roleLinks.entityType, 'organization'), eq(roleLinks.entityId, organizations.id)),
        and(
          eq(roleLinks.entityType, 'organization_profile'),
          eq(roleLinks.entityId, organizationProfiles.id),
        ),
      )
    : and(eq(roleLinks.entityType, 'organization'), eq(roleLinks.entityId, organizations.id));
  const held = sql<string[]>`coalesce((select json_agg(${roleLinks.roleCode}) from ${roleLinks}
    where ${roleLinks.userId} = ${userId} and ${linkOnTarget}), '[]'::json)`;
  const base = byProfile
    ? db
        .select({
          organizationId: organizations.id,
          organizationStatus: organizations.status,
          profileId: organizationProfiles.id,
          profileStatus: organizationProfiles.status,
          memberStatus: organizationMembers.status,
          roleCodes: held,
        })
        .from(organizationProfiles)
        .innerJoin(organizations, eq(organizations.id, organizationProfiles.organizationId))
    : db
        .select({
          organizationId: organizations.id,
          organizationStatus: organizations.status,
          profileId: sql<string | null>`null`,
          profileStatus: sql<string | null>`null`,
          memberStatus: organizationMembers.status,
          roleCodes: held,
        })
        .from(organizations);
  return base
    .leftJoin(
      organizationMembers,
      and(eq(organizationMembers.organizationId, organizations.id), eq(organizationMembers.userId, userId)),
    )
    .where(byProfile ? eq(organizationProfiles.id, targetId) : eq(organizations.id, targetId))
    .prepare(byProfile ? 'authorize_profile' : 'authorize_organization');
}

/** Every organization-scoped call runs one of these: built and prepared once per database (or transaction). */
const targetQueries = new WeakMap<
  Db,
  { organization: ReturnType<typeof buildTargetQuery>; profile: ReturnType<typeof buildTargetQuery> }
>();

async function loadTarget(db: Db, userId: string, target: Exclude<AccessTarget, 'platform'>) {
  let queries = targetQueries.get(db);
  if (!queries) {
    queries = { organization: buildTargetQuery(db, false), profile: buildTargetQuery(db, true) };
    targetQueries.set(db, queries);
  }
  const [row] =
    'profileId' in target
      ? await queries.profile.execute({ userId, targetId: target.profileId })
      : await queries.organization.execute({ userId, targetId: target.organizationId });
  return row;
}

/** The one tenancy rule of `authorize`: with x-active-organization-id sent, a target elsewhere is 400. */
function assertWithinNamedOrganization(ctx: RequestContext, organizationId: string) {
  if (!ctx.organization?.named || ctx.organization.id === organizationId) return;
  throw new AppError(
    'VALIDATION_FAILED',
    'The target is not in the organization of x-active-organization-id.',
    {
      errors: [{ path: 'x-active-organization-id', message: "must be the target's organization" }],
    },
  );
}

/** The platform roles a user holds now (role links with entityType 'platform'). */
async function platformRolesOf(db: Db, userId: string) {
  const rows = await db
    .select({ roleCode: roleLinks.roleCode })
    .from(roleLinks)
    .where(and(eq(roleLinks.userId, userId), eq(roleLinks.entityType, 'platform')));
  return rows.map((r) => r.roleCode);
}

/**
 * Whether the key's creator still holds `permission` on the target today: through an active
 * membership's roles there, else through a platform role (read only when the membership does not
 * grant it, so a tenant's key costs no extra query).
 */
async function creatorHolds(
  db: Db,
  creatorId: string,
  permission: Permission,
  row: Awaited<ReturnType<typeof loadTarget>> | undefined,
) {
  const member =
    row?.memberStatus === 'active' &&
    row.organizationStatus === 'active' &&
    (row.profileStatus === null || row.profileStatus === 'active');
  if (member && permissionsOf(row.roleCodes).has(permission)) return true;
  return platformPermissions(await platformRolesOf(db, creatorId)).has(permission);
}

/**
 * An API key reaches only its own profile (and its organization's own record), with its scopes;
 * anything else looks missing. An `admin.*` scope reaches the platform. A key never outlives its
 * creator's rights: when the creator no longer holds the permission (left, lost the role, lost
 * platform admin), the key is refused with API_KEY_CREATOR_LACKS_PERMISSION, which the procedure
 * builder audits (server/core/trpc.ts).
 */
async function authorizeKey(
  db: Db,
  principal: Extract<Principal, { kind: 'apiKey' }>,
  permission: Permission,
  target: AccessTarget,
  row: Awaited<ReturnType<typeof loadTarget>> | undefined,
): Promise<Access> {
  const scopes = new Set(principal.scopes);
  let access: Access;
  if (target === 'platform') {
    if (!scopes.has(permission)) throw new AppError('FORBIDDEN');
    access = { organizationId: null, profileId: null, roleCodes: [], permissions: scopes };
  } else {
    const own =
      row &&
      row.organizationId === principal.organizationId &&
      row.organizationStatus === 'active' &&
      (row.profileId === null || (row.profileId === principal.profileId && row.profileStatus === 'active'));
    if (!own) throw new AppError('profileId' in target ? 'PROFILE_NOT_FOUND' : 'ORGANIZATION_NOT_FOUND');
    if (!scopes.has(permission)) throw new AppError('FORBIDDEN', `This needs the scope ${permission}.`);
    access = {
      organizationId: row.organizationId,
      profileId: row.profileId,
      roleCodes: [],
      permissions: scopes,
    };
  }
  if (!principal.creatorActive)
    throw new AppError(
      'API_KEY_CREATOR_LACKS_PERMISSION',
      'The account of the user who created this API key is disabled; a new key is needed.',
      { extra: { permission } },
    );
  if (!(await creatorHolds(db, principal.createdBy, permission, row)))
    throw new AppError(
      'API_KEY_CREATOR_LACKS_PERMISSION',
      `The user who created this API key no longer holds ${permission}; a new key is needed.`,
      { extra: { permission } },
    );
  return access;
}

/**
 * The one authorization check. Membership grants through the roles linked to the organization
 * (they cover every profile) and to the profile; an archived organization or profile grants
 * nothing; platform roles grant everywhere. A record the principal cannot see at all is 404,
 * exactly like a missing one, so ids of other tenants cannot be probed; a visible one without
 * the permission is 403. With x-active-organization-id sent, the target's organization (a
 * profile's organization for a profile) must be that one, else 400.
 */
export async function authorize(
  ctx: RequestContext,
  permission: Permission,
  target: AccessTarget,
): Promise<Access> {
  const { principal, db } = ctx;
  if (!principal) throw new AppError('UNAUTHENTICATED');
  if (target !== 'platform' && 'organizationId' in target)
    assertWithinNamedOrganization(ctx, target.organizationId);
  if (principal.kind === 'apiKey') {
    const row = target === 'platform' ? undefined : await loadTarget(db, principal.createdBy, target);
    const access = await authorizeKey(db, principal, permission, target, row);
    if (access.organizationId) assertWithinNamedOrganization(ctx, access.organizationId);
    return access;
  }
  const platform = platformPermissions(principal.platformRoles);
  if (target === 'platform') {
    if (!platform.has(permission)) throw new AppError('FORBIDDEN');
    return { organizationId: null, profileId: null, roleCodes: [], permissions: platform };
  }
  // Both ids are the caller's own here, so refusing before the lookup reveals nothing.
  const notFound = new AppError('profileId' in target ? 'PROFILE_NOT_FOUND' : 'ORGANIZATION_NOT_FOUND');
  const row = await loadTarget(db, principal.userId, target);
  if (!row) throw notFound;
  const member =
    row.memberStatus === 'active' &&
    row.organizationStatus === 'active' &&
    (row.profileStatus === null || row.profileStatus === 'active');
  const roleCodes = member ? row.roleCodes : [];
  const permissions = new Set([...platform, ...permissionsOf(roleCodes)]);
  if (!member && !platform.has('organization.read')) throw notFound;
  // A profile is visible to those who may read it (the profiles `me` and organizations.list show):
  // one the principal holds no reading role on looks missing, even inside its own organization.
  if ('profileId' in target && !permissions.has('profiles.read')) throw notFound;
  // After the visibility check, so a profile of another tenant stays a 404.
  assertWithinNamedOrganization(ctx, row.organizationId);
  if (!permissions.has(permission)) {
    throw new AppError('FORBIDDEN', `This needs the permission ${permission}.`);
  }
  return { organizationId: row.organizationId, profileId: row.profileId, roleCodes, permissions };
}
