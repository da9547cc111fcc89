import 'server-only';
import { and, asc, getTableColumns, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { users } from '@/db/schema';
import type { UserContext } from '@/server/core/context';
import { DEFAULT_LIMIT, toPage } from '@/server/core/pagination';
import { afterTextId, containsText, decodeTextIdCursor } from '@/server/core/query/search';
import { presentUser } from '@/server/modules/auth/services/presenters';
import type { adminUserSearchInput } from '../schemas';

/** #32: users whose email contains the text, any case; `""` lists everyone. Sorted by email. */
export async function searchUsers(ctx: UserContext, input: z.infer<typeof adminUserSearchInput>) {
  const limit = input.limit ?? DEFAULT_LIMIT;
  const cursor = decodeTextIdCursor(input.cursor);
  const rows = await ctx.db
    // the cursor keeps PostgreSQL's lower(), which is not always JavaScript's toLowerCase()
    .select({ ...getTableColumns(users), sortKey: sql<string>`lower(${users.email})` })
    .from(users)
    .where(
      and(
        input.email ? containsText(users.email, input.email) : undefined,
        cursor ? afterTextId(users.email, users.id, cursor) : undefined,
      ),
    )
    .orderBy(asc(sql`lower(${users.email})`), asc(users.id))
    .limit(limit + 1);
  return toPage(rows, limit, (u) => [u.sortKey, u.id], presentUser);
}
