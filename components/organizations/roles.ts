import {
  isDefaultRole,
  missingPermissions,
  type Permission,
  type RoleCode,
  roles,
} from '@/server/core/access/catalog';

/** The role catalog is plain data, so the browser reads the same names and rules as the server. */

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

/** Internal staff see the admin console; support only reads it. */
export const isPlatformStaff = (platformRoles: readonly string[]) =>
  platformRoles.some((role) => role === 'platform.admin' || role === 'platform.support');
