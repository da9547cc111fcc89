'use client';

import { type QueryKey, useInfiniteQuery } from '@tanstack/react-query';

type Page<Item> = { items: Item[]; nextCursor: string | null };

/**
 * A keyset-paged list read a page at a time ("Load more"). tRPC's infiniteQueryOptions adds a
 * `direction` field to the input, which the strict input schemas refuse with a 400, so the page
 * is fetched here with only `cursor` added; the key is still tRPC's, so its filters reach it.
 */
export function usePages<Item>(
  queryKey: QueryKey,
  fetchPage: (cursor: string | undefined) => Promise<Page<Item>>,
) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  return { query, items: query.data?.pages.flatMap((page) => page.items) ?? [] };
}
