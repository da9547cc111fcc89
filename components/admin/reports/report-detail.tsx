'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ShieldCheck } from 'lucide-react';
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { ReportRecord } from '@/server/modules/reports/schemas';
import { formatNumber } from '../../format';
import { DownloadLink, ReportStatusCell } from '../../reports/report-cells';
import { formatBytes, isRendering, templateLabel } from '../../reports/report-words';
import { Time } from '../../time';
import { useTRPC } from '../../trpc/client';
import { buttonClass } from '../../ui/button';
import { Card } from '../../ui/card';
import { useCanWrite } from '../access';
import { CopyText } from './copy-text';
import { VoidReportDialog } from './void-report-dialog';

const linkClass = 'focus-ring rounded-sm text-link hover:underline';

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[12rem_minmax(0,1fr)]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-sm text-muted-foreground">{label}</dt>
          <dd className="min-w-0 text-body break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * One report in the console: its record (number, template and version, profile and organization,
 * issued, who asked, hashes, size, pages, status, void), Download, the public verify page, and
 * Void for platform admins. While it renders, the record refreshes itself.
 */
export function ReportDetail({ initial }: { initial: ReportRecord }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canWrite = useCanWrite();
  const options = trpc.admin.reports.get.queryOptions({ _id: initial._id });
  const { data } = useQuery({
    ...options,
    initialData: initial,
    refetchInterval: (query) => (query.state.data && isRendering(query.state.data) ? 1000 : false),
  });
  const report = data ?? initial;

  const voided = (next: ReportRecord) => {
    queryClient.setQueryData(options.queryKey, next);
    void queryClient.invalidateQueries({ queryKey: trpc.admin.reports.list.pathKey() });
  };

  const record: [string, ReactNode][] = [
    [
      'Statement number',
      <span key="n" className="font-mono">
        {report.statementNumber}
      </span>,
    ],
    [
      'Template',
      <span key="t">
        {templateLabel(report.template)}{' '}
        <span className="text-muted-foreground">
          (<code className="font-mono text-caption">{report.template}</code>, version {report.templateVersion}
          )
        </span>
      </span>,
    ],
    ['Title', report.title],
    [
      'Profile',
      report.profileId ? (
        <Link key="p" href={`/admin/profiles/${report.profileId}`} className={linkClass}>
          {report.profileName ?? 'Its profile'}
        </Link>
      ) : (
        '—'
      ),
    ],
    [
      'Organization',
      report.organizationId ? (
        <Link key="o" href={`/admin/organizations/${report.organizationId}`} className={linkClass}>
          {report.organizationName ?? 'Its organization'}
        </Link>
      ) : (
        '—'
      ),
    ],
    ['Issued', <Time key="i" iso={report.issuedAt} />],
    ['Created by', report.createdBy?.name ?? '—'],
    ['Status', <ReportStatusCell key="s" report={report} />],
  ];
  const file: [string, ReactNode][] = [
    ['Verification hash', <CopyText key="h" label="verification hash" value={report.verificationHash} />],
    [
      'PDF SHA-256',
      report.pdfSha256 ? <CopyText key="f" label="PDF SHA-256" value={report.pdfSha256} /> : '—',
    ],
    ['Size', formatBytes(report.byteSize)],
    ['Pages', report.pageCount == null ? '—' : formatNumber(report.pageCount)],
  ];
  const voidInfo: [string, ReactNode][] = report.voided
    ? [
        ['Voided', <Time key="v" iso={report.voidedAt} />],
        ['Voided by', report.voidedBy?.name ?? '—'],
        ['Reason', report.voidReason ?? '—'],
      ]
    : [];

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <Link href="/admin/reports" className="focus-ring rounded-sm text-sm text-link hover:underline">
          ← All reports
        </Link>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0 space-y-1">
            <h1 className="font-mono text-2xl font-semibold tracking-tight break-all">
              {report.statementNumber}
            </h1>
            <p className="text-sm text-muted-foreground">{report.title}</p>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <DownloadLink report={report} size="md" variant="primary" />
            <Link
              href={`/verify/${report.verificationHash}`}
              className={buttonClass('secondary')}
              target="_blank"
              rel="noopener"
            >
              <ShieldCheck aria-hidden="true" />
              Verify page
            </Link>
            {canWrite && !report.voided ? <VoidReportDialog report={report} onVoided={voided} /> : null}
          </div>
        </div>
      </div>
      {report.voided ? (
        <div
          role="status"
          className="rounded-md border border-danger-border bg-danger-bg px-4 py-3 text-body text-danger-fg"
        >
          This report is void{report.voidReason ? `: ${report.voidReason}` : ''}. Its hash no longer verifies.
        </div>
      ) : null}
      {!report.voided && report.status === 'failed' ? (
        <div
          role="alert"
          className="rounded-md border border-danger-border bg-danger-bg px-4 py-3 text-body text-danger-fg"
        >
          The render failed{report.error ? `: ${report.error}` : '.'}
        </div>
      ) : null}
      <Card>
        <h2 className="mb-4 text-base font-semibold">Record</h2>
        <Facts rows={record} />
      </Card>
      <Card>
        <h2 className="mb-4 text-base font-semibold">File</h2>
        <Facts rows={file} />
      </Card>
      {report.voided ? (
        <Card>
          <h2 className="mb-4 text-base font-semibold">Void</h2>
          <Facts rows={voidInfo} />
        </Card>
      ) : null}
    </div>
  );
}
