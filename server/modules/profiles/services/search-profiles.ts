import 'server-only';
import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { organizationProfiles, organizations } from '@/db/schema';
import type { UserContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { DEFAULT_LIMIT } from '@/server/core/pagination';
import { containsText } from '@/server/core/query/search';
import { countColumn, sortedKeyset, textSort, timeSort } from '@/server/core/query/sort';
import type { AdminProfileSortField, adminProfileSearchInput } from '@/server/modules/admin/schemas';
import { participantTagCodes } from '../catalog';
import { presentAdminProfile } from './present-profile';

type Input = z.infer<typeof adminProfileSearchInput>;

const sortFields = {
  name: textSort(organizationProfiles.name),
  organizationName: textSort(organizations.name),
  status: textSort(organizationProfiles.status),
  createdAt: timeSort(organizationProfiles.createdAt),
} satisfies Record<AdminProfileSortField, unknown>;

/** A tag the catalog does not know is a typo, not a search that finds nothing: 400 naming the known ones. */
function assertKnownTags(tags: { tag: string }[]) {
  const allowed: readonly string[] = participantTagCodes;
  const errors = tags.flatMap((t, i) =>
    allowed.includes(t.tag)
      ? []
      : [
          {
            path: `participantTags.${i}.tag`,
            message: `is not a participant tag; allowed: ${allowed.join(', ')}`,
          },
        ],
  );
  if (errors.length) throw new AppError('VALIDATION_FAILED', 'Unknown participant tag.', { errors });
}

/**
 * #40: profiles holding every listed tag. jsonb containment (`@>`) matches each listed
 * `{tag}` against the profile's entries whatever their measurers and verifiers, and uses the
 * GIN index; the JSON is a parameter, never spliced into the SQL.
 */
export async function searchProfiles(ctx: UserContext, input: Input) {
  const tags = input.participantTags ?? [];
  assertKnownTags(tags);
  const limit = input.limit ?? DEFAULT_LIMIT;
  const order = sortedKeyset(sortFields, organizationProfiles.id, { field: 'name', direction: 'asc' }, input);
  const wanted = JSON.stringify(tags.map((t) => ({ tag: t.tag })));
  const filter = and(
    tags.length ? sql`${organizationProfiles.participantTags} @> ${wanted}::jsonb` : undefined,
    input.organizationId ? eq(organizationProfiles.organizationId, input.organizationId) : undefined,
    input.name ? containsText(organizationProfiles.name, input.name) : undefined,
  );
  const rows = await ctx.db
    .select({
      ...getTableColumns(organizationProfiles),
      organizationName: organizations.name,
      sortKey: order.key,
    })
    .from(organizationProfiles)
    .innerJoin(organizations, eq(organizations.id, organizationProfiles.organizationId))
    .where(and(filter, order.after))
    .orderBy(...order.orderBy)
    .limit(limit + 1)
    .offset(input.offset ?? 0);
  // every profile has its organization (a foreign key): the count needs no join
  const [counted] = await ctx.db.select({ total: countColumn }).from(organizationProfiles).where(filter);
  return { ...order.page(rows, limit, (p) => p.id, presentAdminProfile), total: counted?.total ?? 0 };
}
