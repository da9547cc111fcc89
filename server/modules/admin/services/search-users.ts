import 'server-only';
import { and, getTableColumns, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { users } from '@/db/schema';
import type { UserContext } from '@/server/core/context';
import { DEFAULT_LIMIT } from '@/server/core/pagination';
import { containsText } from '@/server/core/query/search';
import { countColumn, sortedKeyset, textSort, timeSort } from '@/server/core/query/sort';
import { presentUser } from '@/server/modules/auth/services/presenters';
import type { AdminUserSortField, adminUserSearchInput } from '../users/schemas';

// the cursor keeps PostgreSQL's lower(), which is not always JavaScript's toLowerCase()
const sortFields = {
  email: textSort(users.email),
  name: textSort(sql`${users.firstName} || ' ' || ${users.lastName}`),
  status: textSort(users.status),
  createdAt: timeSort(users.createdAt),
} satisfies Record<AdminUserSortField, unknown>;

/**
 * #32: users whose email contains the text, any case; `""` lists everyone. Sorted by email unless
 * `sort` says otherwise; `total` counts every match.
 */
export async function searchUsers(ctx: UserContext, input: z.infer<typeof adminUserSearchInput>) {
  const limit = input.limit ?? DEFAULT_LIMIT;
  const order = sortedKeyset(sortFields, users.id, { field: 'email', direction: 'asc' }, input);
  const filter = input.email ? containsText(users.email, input.email) : undefined;
  const rows = await ctx.db
    .select({ ...getTableColumns(users), sortKey: order.key })
    .from(users)
    .where(and(filter, order.after))
    .orderBy(...order.orderBy)
    .limit(limit + 1)
    .offset(input.offset ?? 0);
  const [counted] = await ctx.db.select({ total: countColumn }).from(users).where(filter);
  return { ...order.page(rows, limit, (u) => u.id, presentUser), total: counted?.total ?? 0 };
}
