'use client';

import { useMutation } from '@tanstack/react-query';
import { Ban } from 'lucide-react';
import { type FormEvent, useId, useState } from 'react';
import { type ReportRecord, reportLimits, reportVoidInput } from '@/server/modules/reports/schemas';
import { useTRPC } from '../../trpc/client';
import { readError } from '../../trpc/errors';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '../../ui/dialog';
import { FieldError, FieldHint } from '../../ui/field-error';
import { Textarea } from '../../ui/textarea';
import { toastSaved } from '../../ui/toast';

/**
 * Void a report: the reason is asked for and kept with it; the report stays (downloadable, marked
 * void) and its verification hash no longer verifies. Platform admins only.
 */
export function VoidReportDialog({
  report,
  onVoided,
}: {
  report: ReportRecord;
  onVoided: (report: ReportRecord) => void;
}) {
  const trpc = useTRPC();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const voidReport = useMutation(trpc.admin.reports.void.mutationOptions());

  function change(next: boolean) {
    if (voidReport.isPending) return;
    if (!next) {
      setReason('');
      setFieldError(null);
      setError(null);
    }
    setOpen(next);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const parsed = reportVoidInput.safeParse({ _id: report._id, reason });
    if (!parsed.success) {
      setFieldError('Say why this report is void.');
      return;
    }
    try {
      const voided = await voidReport.mutateAsync(parsed.data);
      onVoided(voided);
      toastSaved('Report', voided.statementNumber, 'voided');
      setReason('');
      setOpen(false);
    } catch (failure) {
      const read = readError(failure);
      if (read.fields.reason) setFieldError(read.fields.reason);
      else setError(read.message);
    }
  }

  return (
    <Dialog open={open} onOpenChange={change}>
      <DialogTrigger asChild>
        <Button variant="danger">
          <Ban aria-hidden="true" />
          Void
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>Void {report.statementNumber}?</DialogTitle>
          <DialogDescription>
            The report stays, marked void with your reason, and its verification hash no longer verifies. A
            retirement statement’s serials can then be retired again. This cannot be undone.
          </DialogDescription>
        </DialogHeader>
        <form className="space-y-4" onSubmit={submit} noValidate>
          <div className="space-y-1.5">
            <label htmlFor={`${id}-reason`} className="block text-body font-medium text-foreground">
              Reason
            </label>
            <Textarea
              id={`${id}-reason`}
              value={reason}
              maxLength={reportLimits.voidReason}
              rows={3}
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={fieldError ? `${id}-error` : `${id}-hint`}
              onChange={(e) => {
                setReason(e.target.value);
                setFieldError(null);
              }}
            />
            {fieldError ? (
              <FieldError id={`${id}-error`}>{fieldError}</FieldError>
            ) : (
              <FieldHint id={`${id}-hint`}>
                {reason.length}/{reportLimits.voidReason} characters. Shown with the report, e.g. “Issued with
                the wrong beneficiary”.
              </FieldHint>
            )}
          </div>
          {error ? <Alert tone="error">{error}</Alert> : null}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button
              type="button"
              variant="ghost"
              onClick={() => change(false)}
              disabled={voidReport.isPending}
            >
              Cancel
            </Button>
            <Button type="submit" variant="destructive" pending={voidReport.isPending}>
              Void report
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
