'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useTRPC, useTRPCClient } from '@/components/trpc/client';
import { usePages } from '@/components/trpc/use-pages';

const PAGE_SIZE = 100;

/** The members of one organization, page by page. */
export function useMembers(organizationId: string) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const input = { organizationId, limit: PAGE_SIZE };
  return usePages(trpc.members.list.infiniteQueryKey(input), (cursor) =>
    client.members.list.query({ ...input, cursor }),
  );
}

/** After any change to members or roles: the list, and the server-rendered parts (header, home). */
export function useRefreshMembers() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.members.list.pathKey() });
}
