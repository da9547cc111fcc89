import { missingPermissions, type Permission, type RoleCode, roles } from '@/server/rbac/catalog';

/** The role catalog is plain data, so the browser reads the same names and rules as the server. */

/** Exactly one of these says whether someone runs the organization or works in it. */
export const DEFAULT_ROLE_CODES = ['default.organization.admin', 'default.organization.member'] as const;
/** Roles held at organization level apply to every profile of the organization. */
export const ORGANIZATION_ROLE_CODES = ['basic.admin', 'basic.editor', 'basic.viewer'] as const;
export const PROFILE_ROLE_CODES = [
  'basic.admin',
  'basic.editor',
  'basic.viewer',
  'sox.producer.admin',
  'sox.buyer.admin',
] as const;

export const ADMIN_ROLE = 'default.organization.admin';

export function roleName(code: string): string {
  return code in roles ? roles[code as RoleCode].name : code;
}

/** Whether someone holding `held` may grant `code`: its permissions must be a subset of theirs. */
export function canGrant(code: RoleCode, held: readonly string[]): boolean {
  return missingPermissions(code, new Set(held as Permission[])).length === 0;
}

/** "Editor, Viewer", or the fallback when there is none. */
export function roleList(codes: readonly string[], none = 'No roles'): string {
  return codes.length ? codes.map(roleName).join(', ') : none;
}

/** Internal staff see the admin console; support only reads it. */
export const isPlatformStaff = (platformRoles: readonly string[]) =>
  platformRoles.some((role) => role === 'platform.admin' || role === 'platform.support');
