'use client';

import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC, useTRPCClient } from '../../trpc/client';

const PAGE_SIZE = 100;

/**
 * The members of one organization, page by page. The cursor is passed by hand: tRPC's own
 * infinite options add a `direction` field that the strict list schema refuses.
 */
export function useMembers(organizationId: string) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  return useInfiniteQuery({
    queryKey: [...trpc.organizationUsers.list.pathKey(), { organizationId, type: 'pages' }],
    queryFn: ({ pageParam }) =>
      client.organizationUsers.list.query({ organizationId, limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** After any change to members or roles: the list, and the server-rendered parts (header, home). */
export function useRefreshMembers() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.organizationUsers.list.pathKey() });
}
