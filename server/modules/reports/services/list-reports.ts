import 'server-only';
import { and, eq, isNotNull, isNull, like, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { organizationProfiles, organizations, reports } from '@/db/schema';
import { authorize } from '@/server/core/access/authorize';
import type { PrincipalContext, UserContext } from '@/server/core/context';
import { DEFAULT_LIMIT } from '@/server/core/pagination';
import { containsText } from '@/server/core/query/search';
import { countColumn, sortedKeyset, textSort, timeSort } from '@/server/core/query/sort';
import type * as s from '../schemas';
import { presentReport, selectReportRecords } from './report-records';

type ListOutput = z.infer<typeof s.reportListOutput>;
type PageInput = Pick<
  z.infer<typeof s.reportListInput>,
  'sort' | 'offset' | 'withTotal' | 'limit' | 'cursor'
>;

const t = reports;
const sortFields = {
  createdAt: timeSort(t.createdAt),
  statementNumber: textSort(t.statementNumber),
  title: textSort(t.title),
  template: textSort(t.template),
  status: textSort(t.status),
} satisfies Record<(typeof s.reportSortFields)[number], unknown>;

/** `search`: part of the number or title (any case), or the start of the verification hash. */
function searchFilter(search: string | undefined, withNames: boolean): SQL | undefined {
  if (!search) return undefined;
  const hex = search.toLowerCase();
  return or(
    containsText(t.statementNumber, search),
    containsText(t.title, search),
    /^[0-9a-f]{4,64}$/.test(hex) ? like(t.verificationHash, `${hex}%`) : undefined,
    withNames ? containsText(organizationProfiles.name, search) : undefined,
    withNames ? containsText(organizations.name, search) : undefined,
  );
}

/** One page of reports under `filter`, newest first unless sorted; `total` with withTotal. */
async function pageOfReports(
  ctx: PrincipalContext,
  filter: SQL | undefined,
  input: PageInput,
): Promise<ListOutput> {
  const limit = input.limit ?? DEFAULT_LIMIT;
  const sorted = sortedKeyset(sortFields, t.id, { field: 'createdAt', direction: 'desc' }, input);
  const rows = await selectReportRecords(ctx.db, { sortKey: sorted.key })
    .where(and(filter, sorted.after))
    .orderBy(...sorted.orderBy)
    .limit(limit + 1)
    .offset(input.offset ?? 0);
  const page = sorted.page(rows, limit, (row) => row.id, presentReport);
  if (!input.withTotal) return page;
  const [counted] = await ctx.db
    .select({ total: countColumn })
    .from(t)
    .leftJoin(organizationProfiles, eq(organizationProfiles.id, t.profileId))
    .leftJoin(organizations, eq(organizations.id, t.organizationId))
    .where(filter);
  return { ...page, total: counted?.total ?? 0 };
}

/** A profile's reports (reports.read there: a user's role or a key's scope). */
export async function listReports(
  ctx: PrincipalContext,
  input: z.infer<typeof s.reportListInput>,
): Promise<ListOutput> {
  await authorize(ctx, 'reports.read', { profileId: input.profileId });
  const filter = and(
    eq(t.profileId, input.profileId),
    input.template ? eq(t.template, input.template) : undefined,
    searchFilter(input.search, false),
  );
  return pageOfReports(ctx, filter, input);
}

/** The admin console's list across organizations; search also matches profile and organization names. */
export async function listReportsAsAdmin(
  ctx: UserContext,
  input: z.infer<typeof s.adminReportListInput>,
): Promise<ListOutput> {
  const filter = and(
    input.profileId ? eq(t.profileId, input.profileId) : undefined,
    input.template ? eq(t.template, input.template) : undefined,
    input.status ? eq(t.status, input.status) : undefined,
    input.voided === undefined ? undefined : input.voided ? isNotNull(t.voidedAt) : isNull(t.voidedAt),
    searchFilter(input.search, true),
  );
  return pageOfReports(ctx, filter, input);
}
