import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { organizationProfiles } from '@/db/schema';
import { AppError } from '@/server/core/errors';
import { zodFieldErrors } from '@/server/core/trpc';
import { findTemplate, templateNames } from '../registry';
import type { AnyReportTemplate } from '../template';

/** The template of this name, or 404 TEMPLATE_NOT_FOUND naming the known ones. */
export function templateNamed(name: string): AnyReportTemplate {
  const template = findTemplate(name);
  if (template) return template;
  const known = templateNames();
  throw new AppError(
    'TEMPLATE_NOT_FOUND',
    `No report template is named "${name}"; the templates are: ${known.join(', ')}.`,
    {
      errors: [{ path: 'template', message: `must be one of: ${known.join(', ')}` }],
    },
  );
}

/** The data parsed by the template's schema, or 400 VALIDATION_FAILED listing every problem (paths `data.…`). */
export function parseTemplateData(template: AnyReportTemplate, data: unknown): Record<string, unknown> {
  const parsed = template.schema.safeParse(data);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  const errors = zodFieldErrors(parsed.error).map((e) => ({
    path: e.path === '(body)' ? 'data' : `data.${e.path}`,
    message: e.message,
  }));
  throw new AppError(
    'VALIDATION_FAILED',
    `The data does not fit the ${template.name} template (${errors.length} ${errors.length === 1 ? 'problem' : 'problems'}).`,
    { errors },
  );
}

/** The profile the data names and its organization; 422 REPORT_PROFILE_NOT_FOUND when there is none. */
export async function profileOfData(db: Db, profileId: string) {
  const [profile] = await db
    .select({ organizationId: organizationProfiles.organizationId })
    .from(organizationProfiles)
    .where(eq(organizationProfiles.id, profileId));
  if (!profile)
    throw new AppError('REPORT_PROFILE_NOT_FOUND', 'data.profileId names no profile.', {
      errors: [{ path: 'data.profileId', message: 'names no profile' }],
    });
  return { organizationId: profile.organizationId, profileId };
}
