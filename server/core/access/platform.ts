import 'server-only';
/** Platform-wide roles, held through role links with entityType 'platform'. */
export const PLATFORM_ADMIN = 'platform.admin';
const PLATFORM_SUPPORT = 'platform.support';

export const isPlatformAdmin = (roles: readonly string[]) => roles.includes(PLATFORM_ADMIN);
export const isPlatformStaff = (roles: readonly string[]) =>
  isPlatformAdmin(roles) || roles.includes(PLATFORM_SUPPORT);
