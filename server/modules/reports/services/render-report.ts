import 'server-only';
import type { z } from 'zod';
import type { UserContext } from '@/server/core/context';
import type { ReportRecord, reportRenderInput } from '../schemas';
import { issueReport } from './issue-report';
import { parseTemplateData, profileOfData, templateNamed } from './validate-data';

/**
 * #44: validates `data` against the template (400 with every field problem; unknown template
 * 404 naming the known ones), checks the profile it names, then issues the report (numbered,
 * hashed, rendered or queued).
 */
export async function renderReport(
  ctx: UserContext,
  input: z.infer<typeof reportRenderInput>,
): Promise<ReportRecord> {
  const template = templateNamed(input.template);
  const data = parseTemplateData(template, input.data);
  const profileId = template.profileIdOf(data);
  const tenant = profileId
    ? await profileOfData(ctx.db, profileId)
    : { organizationId: null, profileId: null };
  return issueReport(ctx, { template, data, tenant });
}
