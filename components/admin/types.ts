import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/routers';

type Outputs = inferRouterOutputs<AppRouter>['admin'];
type Inputs = inferRouterInputs<AppRouter>['admin'];

export type AdminUser = Outputs['users']['get'];
export type UserRow = Outputs['users']['search']['items'][number];
export type RoleLink = AdminUser['roleLinks'][number];
export type RoleLinkInput = Inputs['users']['addRoleLinks']['roleLinks'][number];
export type EntityType = RoleLinkInput['entityType'];
export type RoleCatalog = Outputs['roles']['list'];
export type AdminOrganization = Outputs['organizations']['get'];
export type OrganizationRow = Outputs['organizations']['list']['items'][number];
export type AdminProfile = Outputs['profiles']['get'];
export type AuditEvent = Outputs['audit']['list']['items'][number];
export type AuditFilters = Omit<Inputs['audit']['list'], 'cursor' | 'limit'>;
