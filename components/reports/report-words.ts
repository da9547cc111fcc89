import type { ReportRecord } from '@/server/modules/reports/schemas';
import { formatNumber } from '../format';

/** A report's one state on screen: a voided report reads Void whatever its render status was. */
export type ReportState = ReportRecord['status'] | 'void';
export const reportState = (report: Pick<ReportRecord, 'status' | 'voided'>): ReportState =>
  report.voided ? 'void' : report.status;

/** Still on its way: the lists poll while a row is in one of these. */
export const isRendering = (report: Pick<ReportRecord, 'status' | 'voided'>) =>
  !report.voided && (report.status === 'pending' || report.status === 'rendering');

/** Whether the PDF can be downloaded (a void report stays downloadable: it is kept as issued). */
export const isDownloadable = (report: Pick<ReportRecord, 'status'>) => report.status === 'ready';

/** A file size in the units people read: 812 B, 48.2 KB, 3.1 MB. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes == null) return '—';
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toLocaleString('en-US', { maximumFractionDigits: 1 })} ${units[unit]}`;
}

/** The human name of a template, by its name in the registry (the template list says more). */
const templateWords: Record<string, string> = {
  retirement: 'Retirement statement',
  locations: 'Locations inventory',
};
export const templateLabel = (name: string) => templateWords[name] ?? name;

/** The template filter's choices, in the words of the list. */
export const templateOptions = Object.entries(templateWords).map(([value, label]) => ({ value, label }));
