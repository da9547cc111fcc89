'use client';

import { Download, LoaderCircle } from 'lucide-react';
import { type ReportRecord, reportFilePath } from '@/server/modules/reports/schemas';
import { StateBadge } from '../state-badge';
import { buttonClass } from '../ui/button';
import { isDownloadable, isRendering, reportState } from './report-words';

/** The report's state, and beneath it why it failed or why it was voided. */
export function ReportStatusCell({ report }: { report: ReportRecord }) {
  return (
    <div className="space-y-1">
      <span className="inline-flex items-center gap-1.5">
        <StateBadge kind="report" state={reportState(report)} />
        {isRendering(report) ? (
          <LoaderCircle aria-hidden="true" className="size-3.5 animate-spin text-muted-foreground" />
        ) : null}
      </span>
      {report.voided && report.voidReason ? (
        <p className="max-w-xs text-caption break-words text-muted-foreground">Void: {report.voidReason}</p>
      ) : null}
      {!report.voided && report.status === 'failed' && report.error ? (
        <p className="max-w-xs text-caption break-words text-danger-fg">{report.error}</p>
      ) : null}
    </div>
  );
}

/**
 * The PDF through the browser route (the session cookie), as a plain link: a file, not a page,
 * so no client-side navigation. Nothing to download until the render is done.
 */
export function DownloadLink({
  report,
  variant = 'secondary',
  size = 'sm',
}: {
  report: ReportRecord;
  variant?: 'primary' | 'secondary';
  size?: 'sm' | 'md';
}) {
  if (!isDownloadable(report)) return <span className="text-caption text-muted-foreground">—</span>;
  return (
    <a
      href={reportFilePath(report._id)}
      download={`${report.statementNumber}.pdf`}
      className={buttonClass(variant, '', size)}
      aria-label={`Download ${report.statementNumber} (PDF)`}
    >
      <Download aria-hidden="true" />
      Download
    </a>
  );
}
