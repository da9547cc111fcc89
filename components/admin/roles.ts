'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../trpc/client';
import type { EntityType, RoleCatalog } from './types';

export const scopeNames: Record<EntityType, string> = {
  platform: 'Platform',
  organization: 'Organization',
  organization_profile: 'Profile',
};

/** The role catalog is code on the server: fetched once per page and never stale. */
export function useRoleCatalog() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.admin.roles.list.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
}

export const roleLabel = (catalog: RoleCatalog | undefined, code: string) =>
  catalog?.items.find((r) => r.code === code)?.name ?? code;
