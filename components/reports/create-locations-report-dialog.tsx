'use client';

import { useMutation } from '@tanstack/react-query';
import { FilePlus2 } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import {
  type Basin,
  basinNames,
  type LocationStatus,
  type LocationType,
  locationTypes,
} from '@/server/modules/locations/catalog';
import type { ReportRecord } from '@/server/modules/reports/schemas';
import { useTRPC } from '../trpc/client';
import { readError } from '../trpc/errors';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '../ui/dialog';
import { Select } from '../ui/select';
import { stateOptions } from '../words';

type Filters = { status: string; type: string; basin: string };
const noFilters: Filters = { status: '', type: '', basin: '' };

/**
 * "Create locations report": the locations list's filters (status, type, basin; empty means all),
 * then reports.renderLocations. The record comes back at once; a large inventory renders as a job,
 * and the list shows its progress until it can be downloaded.
 */
export function CreateLocationsReportDialog({
  profileId,
  onCreated,
}: {
  profileId: string;
  onCreated: (report: ReportRecord) => void;
}) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [error, setError] = useState<string | null>(null);
  const render = useMutation(trpc.reports.renderLocations.mutationOptions());

  function change(next: boolean) {
    if (render.isPending) return;
    if (!next) {
      setFilters(noFilters);
      setError(null);
    }
    setOpen(next);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const report = await render.mutateAsync({
        profileId,
        status: (filters.status || undefined) as LocationStatus | undefined,
        type: (filters.type || undefined) as LocationType | undefined,
        basin: (filters.basin || undefined) as Basin | undefined,
      });
      onCreated(report);
      setFilters(noFilters);
      setOpen(false);
    } catch (failure) {
      setError(readError(failure).message);
    }
  }

  const set = (key: keyof Filters) => (event: { target: { value: string } }) =>
    setFilters((current) => ({ ...current, [key]: event.target.value }));

  return (
    <Dialog open={open} onOpenChange={change}>
      <DialogTrigger asChild>
        <Button>
          <FilePlus2 aria-hidden="true" />
          Create locations report
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>Create a locations report</DialogTitle>
          <DialogDescription>
            A PDF inventory of this profile’s business locations: a summary with the map, then every location.
            Leave a filter on “All” to include everything.
          </DialogDescription>
        </DialogHeader>
        <form className="space-y-4" onSubmit={submit} noValidate>
          <Select label="Status" value={filters.status} onChange={set('status')}>
            <option value="">All statuses</option>
            {stateOptions('location').map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </Select>
          <Select label="Type" value={filters.type} onChange={set('type')}>
            <option value="">All types</option>
            {Object.entries(locationTypes).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
          <Select label="Basin" value={filters.basin} onChange={set('basin')}>
            <option value="">All basins</option>
            {basinNames.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
          {error ? <Alert tone="error">{error}</Alert> : null}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button type="button" variant="ghost" onClick={() => change(false)} disabled={render.isPending}>
              Cancel
            </Button>
            <Button type="submit" pending={render.isPending}>
              Create report
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
