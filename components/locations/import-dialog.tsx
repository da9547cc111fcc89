'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Download, Upload } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import {
  type LocationImportStatusOutput,
  locationImportUploadPath,
} from '@/server/modules/locations/bulk/schemas';
import { locationCsvColumns, MAX_CSV_BYTES, MAX_CSV_ROWS } from '@/server/modules/locations/schemas';
import { formatNumber } from '../format';
import { useTRPC } from '../trpc/client';
import { readError } from '../trpc/errors';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '../ui/dialog';
import { toast } from '../ui/toast';
import { downloadText } from './download-text';

const template = `${locationCsvColumns.join(',')}\nMidland gathering,buying,Permian,false,Acme Gas;Basin Midstream,31.9973,-102.0779,US,TX,Midland,,79701,active\n`;

/** tRPC bodies stop at 1 MiB: a file well under it goes as text, a larger one through the upload route. */
const TRPC_FILE_LIMIT = 900 * 1024;

/** What the upload route answered: the job to follow, or why the file was refused as a whole. */
async function upload(profileId: string, file: File): Promise<string> {
  const response = await fetch(locationImportUploadPath(profileId), {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: file,
  });
  const body = (await response.json().catch(() => ({}))) as {
    importId?: string;
    detail?: string;
    title?: string;
  };
  if (!response.ok || !body.importId)
    throw new Error(body.detail ?? body.title ?? 'The file could not be uploaded. Try again.');
  return body.importId;
}

const finished = (status: LocationImportStatusOutput['status'] | undefined) =>
  status === 'done' || status === 'failed';

/** The progress line of a running import, in words. */
export function importProgress(
  job: Pick<LocationImportStatusOutput, 'status' | 'processedRows' | 'totalRows'>,
) {
  if (job.status === 'pending') return 'Waiting to start…';
  if (job.status === 'validating')
    return `Checking rows: ${formatNumber(job.processedRows)} of ${formatNumber(job.totalRows)}`;
  if (job.status === 'importing') return `Adding ${formatNumber(job.totalRows)} locations…`;
  return '';
}

/**
 * Import CSV: choose a file, upload it as a job, follow its progress, then either "Imported N"
 * or every bad row (line, column, message) with a download of them as CSV. All or nothing: a
 * file with one bad row adds no location.
 */
export function ImportLocationsDialog({ profileId }: { profileId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const inputId = useId();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const importStart = useMutation(trpc.locations.importStart.mutationOptions());

  const status = useQuery({
    ...trpc.locations.importStatus.queryOptions({ profileId, _id: importId ?? '' }),
    enabled: importId !== null,
    refetchInterval: (query) => (finished(query.state.data?.status) ? false : 500),
  });
  const job = importId ? status.data : undefined;
  const [downloading, setDownloading] = useState(false);

  function reset() {
    setFile(null);
    setImportId(null);
    setUploadError(null);
  }

  async function start() {
    if (!file) return;
    setUploadError(null);
    if (file.size > MAX_CSV_BYTES) {
      setUploadError(`The file is too large: at most ${formatNumber(MAX_CSV_BYTES / 1024 / 1024)} MiB.`);
      return;
    }
    setUploading(true);
    try {
      setImportId(
        file.size <= TRPC_FILE_LIMIT
          ? (await importStart.mutateAsync({ profileId, csv: await file.text() })).importId
          : await upload(profileId, file),
      );
    } catch (error) {
      setUploadError(
        error instanceof Error && 'shape' in error ? readError(error).message : (error as Error).message,
      );
    } finally {
      setUploading(false);
    }
  }

  // the table and the map show the new rows as soon as the job is done
  const done = job?.status === 'done';
  useEffect(() => {
    if (done) void queryClient.invalidateQueries({ queryKey: trpc.locations.pathKey() });
  }, [done, queryClient, trpc]);

  async function downloadErrors() {
    if (!importId) return;
    setDownloading(true);
    try {
      const csv = await queryClient.fetchQuery(
        trpc.locations.importErrors.queryOptions({ profileId, _id: importId }),
      );
      downloadText(csv.body, csv.filename, csv.contentType);
    } catch {
      toast.error('The errors could not be downloaded. Try again.');
    } finally {
      setDownloading(false);
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        // each opening starts from the file picker, whatever the last import did
        if (next) reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="secondary">
          <Upload aria-hidden="true" />
          Import CSV
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-2xl">
        <DialogHeader>
          <DialogTitle>Import locations</DialogTitle>
          <DialogDescription>
            A CSV file with a header row, up to {formatNumber(MAX_CSV_ROWS)} rows. Every row is checked first:
            if one is wrong, nothing is imported.
          </DialogDescription>
        </DialogHeader>

        {!importId ? (
          <div className="space-y-3">
            <div className="space-y-1.5">
              <label htmlFor={inputId} className="block text-body font-medium">
                CSV file
              </label>
              <input
                id={inputId}
                type="file"
                accept=".csv,text/csv"
                className="focus-ring block w-full text-sm file:mr-3 file:rounded-md file:border file:border-border file:bg-muted file:px-3 file:py-1.5"
                onChange={(event) => setFile(event.target.files?.[0] ?? null)}
              />
            </div>
            <Button variant="link" size="sm" onClick={() => downloadText(template, 'locations-template.csv')}>
              <Download aria-hidden="true" />
              Download a template
            </Button>
            {uploadError ? <Alert tone="error">{uploadError}</Alert> : null}
          </div>
        ) : null}

        {job && !finished(job.status) ? (
          <div className="space-y-2" role="status" aria-live="polite">
            <p className="text-sm">{importProgress(job)}</p>
            <progress
              className="h-2 w-full accent-primary"
              max={Math.max(job.totalRows, 1)}
              value={job.status === 'importing' ? job.totalRows : job.processedRows}
            />
          </div>
        ) : importId && !job ? (
          <p role="status" className="text-sm">
            Uploading…
          </p>
        ) : null}

        {job?.status === 'done' ? (
          <Alert
            tone="success"
            title={`Imported ${formatNumber(job.imported)} ${job.imported === 1 ? 'location' : 'locations'}`}
          >
            They are in the table and on the map.
          </Alert>
        ) : null}

        {job?.status === 'failed' ? (
          <div className="space-y-3">
            <Alert tone="error" title="Nothing was imported">
              {formatNumber(job.errors.length)} {job.errors.length === 1 ? 'problem' : 'problems'} to fix in
              the file, then import it again.
            </Alert>
            <div className="max-h-72 overflow-auto rounded-md border border-border">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Problems in the file</caption>
                <thead className="sticky top-0 bg-muted">
                  <tr>
                    <th scope="col" className="px-3 py-2 font-medium">
                      Line
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      Column
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      Problem
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {job.errors.slice(0, 500).map((error) => (
                    <tr
                      key={`${error.line}:${error.path}:${error.message}`}
                      className="border-t border-border"
                    >
                      <td className="px-3 py-1.5 tabular-nums">{error.line}</td>
                      <td className="px-3 py-1.5 break-all">{error.path}</td>
                      <td className="px-3 py-1.5">{error.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {job.errors.length > 500 ? (
              <p className="text-caption text-muted-foreground">
                The first 500 are shown; the download has all {formatNumber(job.errors.length)}.
              </p>
            ) : null}
          </div>
        ) : null}

        <DialogFooter>
          {job?.status === 'failed' ? (
            <>
              <Button variant="secondary" pending={downloading} onClick={downloadErrors}>
                <Download aria-hidden="true" />
                Download errors (CSV)
              </Button>
              <Button onClick={reset}>Choose another file</Button>
            </>
          ) : job?.status === 'done' ? (
            <Button onClick={() => setOpen(false)}>Done</Button>
          ) : (
            <Button disabled={!file || importId !== null} pending={uploading} onClick={start}>
              Import
            </Button>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
