/**
 * The permission and role catalog. Permissions are one typed map; a role is a subset of it plus
 * the scopes it may be granted at. Changing a role here changes it everywhere at once.
 */
export const permissions = {
  'organization.read': 'See the organization, its profiles and its members list',
  'members.invite': 'Invite people, resend and cancel invitations',
  'members.manage': 'Remove members and change their roles',
  'audit.read': "Read the organization's audit log",
  'profiles.read': 'See organization profiles with their participant tags',
  'profiles.write': 'Edit organization profiles',
  'locations.read': 'See business locations',
  'locations.write': 'Create, edit and import business locations',
  'api_keys.read': 'See API keys (never the secrets)',
  'api_keys.write': 'Create, rotate and revoke API keys',
  'flags.read': 'See feature flags',
  'flags.write': 'Set feature flags',
  'reports.read': 'See and download reports',
  'reports.write': 'Create reports',
  'admin.read': 'Read everything in the admin console',
  'admin.write': 'Change anything in the admin console',
} as const;

export type Permission = keyof typeof permissions;
export type Scope = 'platform' | 'organization' | 'organization_profile';

export const allPermissions = Object.keys(permissions) as Permission[];
export const isReadPermission = (p: Permission) => p.endsWith('.read');

type RoleDefinition = {
  name: string;
  scopes: readonly Scope[];
  permissions: readonly Permission[];
};

const profileRead: Permission[] = ['profiles.read', 'locations.read', 'flags.read', 'reports.read'];
const profileWrite: Permission[] = [
  ...profileRead,
  'profiles.write',
  'locations.write',
  'api_keys.read',
  'api_keys.write',
  'flags.write',
  'reports.write',
];

export const roles = {
  'platform.admin': {
    name: 'Platform administrator',
    scopes: ['platform'],
    permissions: allPermissions,
  },
  'platform.support': {
    name: 'Platform support (read-only)',
    scopes: ['platform'],
    permissions: allPermissions.filter(isReadPermission),
  },
  'default.organization.admin': {
    name: 'Organization administrator',
    scopes: ['organization'],
    permissions: ['organization.read', 'members.invite', 'members.manage', 'audit.read', ...profileWrite],
  },
  'default.organization.member': {
    name: 'Organization member',
    scopes: ['organization'],
    permissions: ['organization.read', 'profiles.read'],
  },
  'basic.admin': {
    name: 'Profile administrator',
    scopes: ['organization', 'organization_profile'],
    permissions: profileWrite,
  },
  'basic.editor': {
    name: 'Profile editor',
    scopes: ['organization', 'organization_profile'],
    permissions: [...profileRead, 'locations.write', 'reports.write'],
  },
  'basic.viewer': {
    name: 'Profile viewer',
    scopes: ['organization', 'organization_profile'],
    permissions: profileRead,
  },
  'sox.producer.admin': {
    name: 'SOX producer administrator',
    scopes: ['organization_profile'],
    permissions: [...profileRead, 'locations.write', 'reports.write', 'api_keys.read', 'api_keys.write'],
  },
  'sox.buyer.admin': {
    name: 'SOX buyer administrator',
    scopes: ['organization_profile'],
    permissions: [...profileRead, 'locations.write', 'reports.write', 'api_keys.read', 'api_keys.write'],
  },
} as const satisfies Record<string, RoleDefinition>;

export type RoleCode = keyof typeof roles;
export const roleCodes = Object.keys(roles) as RoleCode[];
export const isRoleCode = (code: string): code is RoleCode => Object.hasOwn(roles, code);

/** `default.*` roles are set through defaultRoleCodes (#19); the rest through roleCodes. */
export const isDefaultRole = (code: string) => code.startsWith('default.');

export const ORGANIZATION_ADMIN = 'default.organization.admin' satisfies RoleCode;
export const ORGANIZATION_MEMBER = 'default.organization.member' satisfies RoleCode;

/** The union of the permissions of these role codes; unknown codes grant nothing. */
export function permissionsOf(codes: Iterable<string>): Set<Permission> {
  const held = new Set<Permission>();
  for (const code of codes) {
    if (isRoleCode(code)) for (const p of roles[code].permissions) held.add(p);
  }
  return held;
}

/** The permissions of `code` that `held` lacks; empty when the role may be granted. */
export const missingPermissions = (code: RoleCode, held: ReadonlySet<Permission>) =>
  roles[code].permissions.filter((p) => !held.has(p));

export const canBeGrantedAt = (code: RoleCode, scope: Scope) =>
  (roles[code].scopes as readonly Scope[]).includes(scope);

/** Permissions that exist only on the platform (the admin console), never on a tenant's record. */
export const isPlatformPermission = (p: Permission) => p === 'admin.read' || p === 'admin.write';
