import { isPlatformStaff } from '../organizations/roles';
import type { Me } from '../organizations/types';
import type { ShellViewer } from './console-shell';

/** What the shell needs from `auth.me`: names, organizations and which areas to show. */
export function shellViewer(me: Me): ShellViewer {
  const name = [me.user.firstName, me.user.lastName].filter(Boolean).join(' ');
  return {
    name: name || me.user.email,
    email: me.user.email,
    memberships: me.memberships.map((m) => ({ organizationId: m.organizationId, name: m.name })),
    activeOrganizationId: me.activeOrganization?._id ?? null,
    hasOrganization: me.activeOrganization !== null,
    canReadActivity: me.permissions.includes('audit.read'),
    staff: isPlatformStaff(me.platformRoles),
    platformAdmin: me.platformRoles.includes('platform.admin'),
  };
}
