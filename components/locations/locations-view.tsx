'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Archive, Download, Plus } from 'lucide-react';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { locationSortFields } from '@/server/modules/locations/schemas';
import { pageWindow, serverSort } from '../admin/list';
import { formatNumber } from '../format';
import { useTRPC } from '../trpc/client';
import { readError } from '../trpc/errors';
import { ConfirmDialog } from '../ui/alert-dialog';
import { Button, buttonClass } from '../ui/button';
import { DataTable, filterBarProps, pagedTableProps, useTableUrlState } from '../ui/data-table';
import { toast } from '../ui/toast';
import { downloadText } from './download-text';
import { ImportLocationsDialog } from './import-dialog';
import { locationColumns } from './location-columns';
import { locationFilterMenus, locationSearch } from './location-filter-bar';
import { type LocationFilterKey, locationFilterKeys, parseLocationFilters } from './location-url-filters';
import { LocationsMap } from './locations-map';

/**
 * A profile's locations: the map and the table of the same filters, all kept in the address
 * (`?status=active&type=buying&basin=Permian&q=tx&sort=-name&page=2`), so a filtered view can be
 * bookmarked and shared. With locations.write: new, import, and a bulk archive of the selected rows.
 */
export function LocationsView({ profileId, canWrite }: { profileId: string; canWrite: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const url = useTableUrlState<LocationFilterKey>({
    filters: locationFilterKeys,
    sortable: locationSortFields,
  });
  const filters = useMemo(
    () => parseLocationFilters({ ...url.filters, q: url.query }),
    [url.filters, url.query],
  );
  const filterInput = { profileId, ...filters };

  const list = useQuery({
    ...trpc.locations.list.queryOptions({
      ...filterInput,
      sort: serverSort<(typeof locationSortFields)[number]>(url.sort),
      ...pageWindow(url.page, url.pageSize),
      withTotal: true,
    }),
    placeholderData: keepPreviousData,
  });
  const points = useQuery({
    ...trpc.locations.points.queryOptions(filterInput),
    placeholderData: keepPreviousData,
  });

  // the selection belongs to one view: another filter, sort or page starts it over
  const viewKey = JSON.stringify([filters, url.sort, url.page, url.pageSize]);
  const [selection, setSelection] = useState<{ view: string; ids: Set<string> }>({
    view: viewKey,
    ids: new Set(),
  });
  const selected = selection.view === viewKey ? selection.ids : new Set<string>();
  const pageIds = (list.data?.items ?? []).map((row) => row._id);
  const select = (next: Set<string>) => setSelection({ view: viewKey, ids: next });

  // the export of the filters on screen, as the file the server wrote (byte for byte: it re-imports)
  const exportCsv = useMutation(trpc.locations.export.mutationOptions());
  async function downloadExport() {
    try {
      const file = await exportCsv.mutateAsync(filterInput);
      downloadText(String(file.body), file.filename ?? 'locations.csv', file.contentType);
    } catch (error) {
      toast.error(readError(error).message);
    }
  }

  const setStatus = useMutation(trpc.locations.setStatus.mutationOptions());
  async function archiveSelected() {
    try {
      const { updated } = await setStatus.mutateAsync({ profileId, ids: [...selected], status: 'archive' });
      toast.success(`${formatNumber(updated)} ${updated === 1 ? 'location' : 'locations'} archived`);
      select(new Set());
      await queryClient.invalidateQueries({ queryKey: trpc.locations.pathKey() });
    } catch (error) {
      toast.error(readError(error).message);
      throw error;
    }
  }

  // rebuilt each render: the checkboxes read the selection
  const columns = locationColumns(
    canWrite
      ? {
          selected,
          pageIds,
          onToggle: (id, on) => {
            const next = new Set(selected);
            if (on) next.add(id);
            else next.delete(id);
            select(next);
          },
          onTogglePage: (on) => select(on ? new Set(pageIds) : new Set()),
        }
      : undefined,
  );

  const base = `/profiles/${profileId}/locations`;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold">Locations</h2>
          <p className="text-sm text-muted-foreground">
            Where this profile buys, produces, processes, moves and stores gas.
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" pending={exportCsv.isPending} onClick={downloadExport}>
            <Download aria-hidden="true" />
            Export CSV
          </Button>
          {canWrite ? (
            <>
              <ImportLocationsDialog profileId={profileId} />
              <Link href={`${base}/new`} className={buttonClass('primary')}>
                <Plus aria-hidden="true" />
                New location
              </Link>
            </>
          ) : null}
        </div>
      </div>

      <LocationsMap
        points={points.data?.items}
        truncated={points.data?.truncated}
        loading={points.isFetching}
        locationHref={(id) => `${base}/${id}`}
      />

      {canWrite && selected.size > 0 ? (
        <section
          className="flex flex-wrap items-center gap-3 rounded-md border border-border bg-muted/40 px-3 py-2"
          aria-label="Selected locations"
        >
          <span className="text-sm">{formatNumber(selected.size)} selected</span>
          <ConfirmDialog
            trigger={
              <Button variant="secondary" size="sm">
                <Archive aria-hidden="true" />
                Archive
              </Button>
            }
            title={`Archive ${formatNumber(selected.size)} ${selected.size === 1 ? 'location' : 'locations'}?`}
            description="Archived locations stay in the list under the Archived status and can be made active again from their page."
            confirmLabel="Archive"
            destructive
            onConfirm={archiveSelected}
          />
          <Button variant="ghost" size="sm" onClick={() => select(new Set())}>
            Clear selection
          </Button>
        </section>
      ) : null}

      <DataTable
        {...pagedTableProps(url, { ...list, data: list.data ? { total: list.data.total ?? 0 } : undefined })}
        caption="Locations"
        noun="locations"
        columns={columns}
        rows={list.data?.items}
        getRowId={(row) => row._id}
        getRowLabel={(row) => row.name}
        rowHref={(row) => `${base}/${row._id}`}
        {...filterBarProps(url, locationSearch, locationFilterMenus, filters)}
        empty={{
          title: 'No locations yet',
          description: canWrite
            ? 'Add the places this profile works with one by one, or import them from a CSV file.'
            : 'This profile has no locations yet.',
          action: canWrite ? (
            <Link href={`${base}/new`} className={buttonClass('primary')}>
              New location
            </Link>
          ) : null,
        }}
      />
    </div>
  );
}
