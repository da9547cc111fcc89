import 'server-only';
import { and, asc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { organizationProfiles, organizations } from '@/db/schema';
import type { UserContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { DEFAULT_LIMIT, toPage } from '@/server/core/pagination';
import { afterTextId, containsText, decodeTextIdCursor } from '@/server/core/query/search';
import type { adminProfileSearchInput } from '@/server/modules/admin/schemas';
import { participantTagCodes } from '../catalog';
import { presentAdminProfile } from './present-profile';

type Input = z.infer<typeof adminProfileSearchInput>;

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
  const cursor = decodeTextIdCursor(input.cursor);
  const wanted = JSON.stringify(tags.map((t) => ({ tag: t.tag })));
  const rows = await ctx.db
    .select({
      ...getTableColumns(organizationProfiles),
      organizationName: organizations.name,
      sortKey: sql<string>`lower(${organizationProfiles.name})`,
    })
    .from(organizationProfiles)
    .innerJoin(organizations, eq(organizations.id, organizationProfiles.organizationId))
    .where(
      and(
        tags.length ? sql`${organizationProfiles.participantTags} @> ${wanted}::jsonb` : undefined,
        input.organizationId ? eq(organizationProfiles.organizationId, input.organizationId) : undefined,
        input.name ? containsText(organizationProfiles.name, input.name) : undefined,
        cursor ? afterTextId(organizationProfiles.name, organizationProfiles.id, cursor) : undefined,
      ),
    )
    .orderBy(asc(sql`lower(${organizationProfiles.name})`), asc(organizationProfiles.id))
    .limit(limit + 1);
  return toPage(rows, limit, (p) => [p.sortKey, p.id], presentAdminProfile);
}
