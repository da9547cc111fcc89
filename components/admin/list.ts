import type { DataTableSort } from '../ui/data-table';

/**
 * The admin lists are page-based screens over keyset APIs: page N asks for `limit: pageSize` and
 * `offset: (N - 1) * pageSize` (the lists' optional offset, bounded at 10,000 rows by the server),
 * and the sort the URL names. One request per page, whatever page the URL opens on; walking
 * the cursor N times to reach page N would cost N requests for a shared link to page 40.
 */
export const MAX_OFFSET = 10_000;

export function pageWindow(page: number, pageSize: number) {
  return { limit: pageSize, offset: Math.min((page - 1) * pageSize, MAX_OFFSET) };
}

/** The table's sort as the server's `{ field, direction }`; null is the list's default order. */
export function serverSort<F extends string>(sort: DataTableSort) {
  return sort
    ? { field: sort.id as F, direction: sort.desc ? ('desc' as const) : ('asc' as const) }
    : undefined;
}
