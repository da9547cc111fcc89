import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { businessLocations, organizationProfiles, organizations } from '@/db/schema';
import { authorize } from '@/server/core/access/authorize';
import type { PrincipalContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { locationStatusLabels, locationTypes } from '@/server/modules/locations/catalog';
import { locationFilters } from '@/server/modules/locations/services/location-filters';
import { findTemplate } from '../registry';
import type { ReportRecord, reportRenderLocationsInput } from '../schemas';
import { MAX_REPORT_LOCATIONS } from '../templates/locations/schema';
import { issueReport } from './issue-report';
import { parseTemplateData } from './validate-data';

type Input = z.infer<typeof reportRenderLocationsInput>;

const filterWords = (input: Input) =>
  [
    input.status ? `status ${locationStatusLabels[input.status]}` : undefined,
    input.type ? `type ${locationTypes[input.type]}` : undefined,
    input.basin ? `basin ${input.basin}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');

/**
 * The `locations` report of a profile (reports.write there): its locations under the list's
 * filters become the template's data, issued and rendered like any report (a large one as a job).
 */
export async function renderLocationsReport(ctx: PrincipalContext, input: Input): Promise<ReportRecord> {
  const access = await authorize(ctx, 'reports.write', { profileId: input.profileId });
  const [names] = await ctx.db
    .select({ profileName: organizationProfiles.name, organizationName: organizations.name })
    .from(organizationProfiles)
    .innerJoin(organizations, eq(organizations.id, organizationProfiles.organizationId))
    .where(eq(organizationProfiles.id, input.profileId));
  const rows = await ctx.db
    .select()
    .from(businessLocations)
    .where(locationFilters(input))
    .orderBy(asc(businessLocations.name), asc(businessLocations.id))
    .limit(MAX_REPORT_LOCATIONS + 1);
  if (rows.length > MAX_REPORT_LOCATIONS)
    throw new AppError(
      'VALIDATION_FAILED',
      `A locations report holds at most ${MAX_REPORT_LOCATIONS} locations; narrow the filters.`,
      {
        errors: [
          {
            path: 'profileId',
            message: `has more than ${MAX_REPORT_LOCATIONS} locations under these filters`,
          },
        ],
      },
    );
  const template = findTemplate('locations')!;
  const raw = {
    profileId: input.profileId,
    organizationName: names!.organizationName,
    profileName: names!.profileName,
    ...(filterWords(input) ? { filters: filterWords(input) } : {}),
    locations: rows.map((row) => ({
      name: row.name,
      ...(row.code ? { code: row.code } : {}),
      ...(row.type ? { type: row.type } : {}),
      ...(row.basin ? { basin: row.basin } : {}),
      status: row.status,
      ...(row.latitude !== null && row.longitude !== null
        ? { latitude: row.latitude, longitude: row.longitude }
        : {}),
      ...(row.address?.country ? { country: row.address.country } : {}),
      ...(row.address?.state ? { state: row.address.state } : {}),
      ...(row.address?.city ? { city: row.address.city } : {}),
      isDirectConnection: row.isDirectConnection,
      preferredSuppliers: row.preferredSuppliers,
    })),
  };
  const data = parseTemplateData(template, raw);
  return issueReport(ctx, {
    template,
    data,
    tenant: { organizationId: access.organizationId, profileId: input.profileId },
  });
}
