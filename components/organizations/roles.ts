import {
  canBeGrantedAt,
  isDefaultRole,
  missingPermissions,
  type Permission,
  type RoleCode,
  roleCodes,
  roles,
} from '@/server/core/access/catalog';

/** The role catalog is plain data, so the browser reads the same names and rules as the server. */

const grantableAt = (scope: 'organization' | 'organization_profile') =>
  roleCodes.filter((code) => canBeGrantedAt(code, scope));

/** Exactly one of these says whether someone runs the organization or works in it. */
export const DEFAULT_ROLE_CODES = grantableAt('organization').filter(isDefaultRole);
/** Roles held at organization level apply to every profile of the organization. */
export const ORGANIZATION_ROLE_CODES = grantableAt('organization').filter((code) => !isDefaultRole(code));
export const PROFILE_ROLE_CODES = grantableAt('organization_profile');

export const ADMIN_ROLE = 'default.organization.admin';

export function roleName(code: string): string {
  return code in roles ? roles[code as RoleCode].name : code;
}

/** Whether someone holding `held` may grant `code`: its permissions must be a subset of theirs. */
export function canGrant(code: RoleCode, held: readonly string[]): boolean {
  return missingPermissions(code, new Set(held as Permission[])).length === 0;
}

/** "Organization member, Editor": the organization-wide role first, or the fallback when there is none. */
export function roleList(codes: readonly string[], none = 'No roles'): string {
  const ordered = [...codes].sort((a, b) => Number(!isDefaultRole(a)) - Number(!isDefaultRole(b)));
  return ordered.length ? ordered.map(roleName).join(', ') : none;
}

/** What a role lets someone do, in a few words (the catalog lists the permissions themselves). */
export const roleHints: Partial<Record<RoleCode, string>> = {
  'default.organization.admin': 'Manages the team, profiles and the activity log',
  'default.organization.member': 'Sees the organization and its profiles',
  'basic.admin': 'Edits profiles, locations, API keys, flags and reports',
  'basic.editor': 'Edits locations and reports',
  'basic.viewer': 'Reads locations, flags and reports',
};

/** Internal staff see the admin console; support only reads it. */
export const isPlatformStaff = (platformRoles: readonly string[]) =>
  platformRoles.some((role) => role === 'platform.admin' || role === 'platform.support');
