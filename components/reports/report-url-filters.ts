import { type ReportStatus, reportLimits, reportStatuses } from '@/server/modules/reports/schemas';
import { templateOptions } from './report-words';

/** The URL keys of the reports lists' filters (`?template=retirement&status=ready&voided=yes&q=RS-2026`). */
export const reportFilterKeys = ['template', 'status', 'voided'] as const;
export type ReportFilterKey = (typeof reportFilterKeys)[number];

export type ReportUrlFilters = {
  template?: string;
  status?: ReportStatus;
  voided?: boolean;
  search?: string;
};

/**
 * The filters a shared or hand-edited address names, kept only when the server would accept them:
 * an unknown template or status is dropped (the whole list rather than a 400), the search is
 * trimmed and cut to its limit.
 */
export function parseReportFilters(raw: {
  template?: string | null;
  status?: string | null;
  voided?: string | null;
  q?: string | null;
}): ReportUrlFilters {
  const filters: ReportUrlFilters = {};
  if (raw.template && templateOptions.some((option) => option.value === raw.template))
    filters.template = raw.template;
  if (raw.status && (reportStatuses as readonly string[]).includes(raw.status))
    filters.status = raw.status as ReportStatus;
  if (raw.voided === 'yes') filters.voided = true;
  if (raw.voided === 'no') filters.voided = false;
  const q = raw.q?.trim().slice(0, reportLimits.search);
  if (q) filters.search = q;
  return filters;
}

/** The same filters as the menus show them (the chips read these). */
export const reportFilterValues = (filters: ReportUrlFilters): Partial<Record<ReportFilterKey, string>> => ({
  template: filters.template,
  status: filters.status,
  voided: filters.voided === undefined ? undefined : filters.voided ? 'yes' : 'no',
});
