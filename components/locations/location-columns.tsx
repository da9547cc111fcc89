'use client';

import { Check } from 'lucide-react';
import type { LocationOutput } from '@/server/modules/locations/schemas';
import { formatNumber } from '../format';
import { StateBadge } from '../state-badge';
import { CheckboxControl } from '../ui/checkbox';
import { createDataTableColumns } from '../ui/data-table';
import { locationTypeLabel } from './location-labels';

const col = createDataTableColumns<LocationOutput>();

/** The columns every locations table shows, the name first (the row's link). */
const baseColumns = col.columns([
  col.accessor('name', { header: 'Name', enableSorting: true, meta: { primary: true } }),
  col.accessor('code', {
    header: 'Code',
    cell: (info) => info.getValue() ?? <span className="text-muted-foreground">—</span>,
  }),
  col.accessor('type', {
    header: 'Type',
    enableSorting: true,
    cell: (info) => locationTypeLabel(info.getValue()),
  }),
  col.accessor('basin', { header: 'Basin', enableSorting: true, cell: (info) => info.getValue() ?? '—' }),
  col.accessor('isDirectConnection', {
    header: 'Direct connection',
    cell: (info) =>
      info.getValue() ? (
        <span className="inline-flex items-center gap-1">
          <Check aria-hidden="true" className="size-4" /> Yes
        </span>
      ) : (
        'No'
      ),
  }),
  col.accessor('preferredSuppliers', {
    header: 'Suppliers',
    meta: { align: 'right', label: 'Preferred suppliers' },
    cell: (info) => formatNumber(info.getValue().length),
  }),
  col.accessor('status', {
    header: 'Status',
    enableSorting: true,
    cell: (info) => <StateBadge kind="location" state={info.getValue()} />,
  }),
]);

/**
 * The selection column of the bulk actions: a checkbox per row and one for the page in the header.
 * Selection is per page (ids), cleared when the filters or the page change.
 */
export type RowSelection = {
  selected: ReadonlySet<string>;
  pageIds: string[];
  onToggle: (id: string, on: boolean) => void;
  onTogglePage: (on: boolean) => void;
};

function selectionColumn({ selected, pageIds, onToggle, onTogglePage }: RowSelection) {
  const all = pageIds.length > 0 && pageIds.every((id) => selected.has(id));
  const some = pageIds.some((id) => selected.has(id));
  return col.display({
    id: 'select',
    header: () => (
      <CheckboxControl
        aria-label="Select every location on this page"
        checked={all ? true : some ? 'indeterminate' : false}
        onCheckedChange={(checked) => onTogglePage(checked === true)}
      />
    ),
    cell: (info) => (
      <CheckboxControl
        aria-label={`Select ${info.row.original.name}`}
        checked={selected.has(info.row.original._id)}
        onCheckedChange={(checked) => onToggle(info.row.original._id, checked === true)}
      />
    ),
    meta: { label: 'Selected', className: 'w-10' },
  });
}

/** The table's columns, with the selection column first when the user may change locations. */
export const locationColumns = (selection?: RowSelection) =>
  selection ? col.columns([selectionColumn(selection), ...baseColumns] as typeof baseColumns) : baseColumns;
