import type { Permission } from '@/server/core/access/catalog';

/**
 * The scopes an API key can be given, each a set of catalog permissions. A key may do what its
 * scopes grant and what its creator held on the profile when it was made, whichever is less.
 * `admin` only a platform admin can grant; it reaches the admin rows marked "user or client"
 * (#38 profile create, #41 business locations) and no other.
 */
export const apiKeyScopes = {
  'profiles:read': { description: 'Read the profile', permissions: ['profiles.read'] },
  'profiles:write': { description: 'Edit the profile', permissions: ['profiles.read', 'profiles.write'] },
  'locations:read': { description: 'Read business locations', permissions: ['locations.read'] },
  'locations:write': {
    description: 'Create, edit and import business locations',
    permissions: ['locations.read', 'locations.write'],
  },
  'flags:read': { description: "Read the profile's feature flags", permissions: ['flags.read'] },
  'reports:read': { description: 'Read and download reports', permissions: ['reports.read'] },
  admin: {
    description: 'Admin rows open to keys (profile create, business locations); platform admins only',
    permissions: ['admin.read', 'admin.write'],
  },
} as const satisfies Record<string, { description: string; permissions: readonly Permission[] }>;

export type ApiKeyScope = keyof typeof apiKeyScopes;
export const apiKeyScopeNames = Object.keys(apiKeyScopes) as ApiKeyScope[];
export const ADMIN_SCOPE = 'admin' satisfies ApiKeyScope;

/** The permissions these scopes grant. */
export function scopePermissions(scopes: Iterable<ApiKeyScope>): Set<Permission> {
  const granted = new Set<Permission>();
  for (const scope of scopes) for (const p of apiKeyScopes[scope].permissions) granted.add(p);
  return granted;
}

/** The client id's public prefix: a key is recognisable in logs and secret scanners. */
export const CLIENT_ID_PREFIX = 'pvk_';
