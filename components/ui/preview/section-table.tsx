'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Archive, Pencil, Plus, Upload } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Badge } from '../badge';
import { Button } from '../button';
import {
  createDataTableColumns,
  DataTable,
  type DataTableFilterChip,
  FilterMenu,
  TableSearch,
  useTableUrlState,
} from '../data-table';
import { SelectMenu } from '../select';
import { toast } from '../toast';
import {
  type FakeOrganization,
  type FakeQuery,
  fetchOrganizations,
  statusLabels,
  typeLabels,
} from './fake-data';

const col = createDataTableColumns<FakeOrganization>();
const statusTone = { active: 'green', invited: 'blue', archived: 'neutral' } as const;
const number = new Intl.NumberFormat('en-US');

const columns = col.columns([
  col.accessor('name', { header: 'Name', enableSorting: true, meta: { primary: true } }),
  col.accessor('type', { header: 'Type', cell: (info) => typeLabels[info.getValue()] }),
  col.accessor('status', {
    header: 'Status',
    enableSorting: true,
    cell: (info) => (
      <Badge tone={statusTone[info.getValue()]} dot>
        {statusLabels[info.getValue()]}
      </Badge>
    ),
  }),
  col.accessor('country', { header: 'Country', meta: { hideWhenStacked: true } }),
  col.accessor('locations', {
    header: 'Locations',
    enableSorting: true,
    meta: { align: 'right' },
    cell: (info) => number.format(info.getValue()),
  }),
  col.accessor('intensity', {
    header: 'Intensity',
    enableSorting: true,
    meta: { align: 'right', label: 'Methane intensity' },
    cell: (info) => `${info.getValue().toFixed(4)} %`,
  }),
  col.accessor('updated', {
    header: 'Updated',
    enableSorting: true,
    meta: { className: 'whitespace-nowrap' },
  }),
]);

const statusOptions = Object.entries(statusLabels).map(([value, label]) => ({ value, label }));
const typeOptions = Object.entries(typeLabels).map(([value, label]) => ({ value, label }));
const behaviours = [
  { value: 'normal', label: 'Server answers' },
  { value: 'slow', label: 'Server is slow' },
  { value: 'fail', label: 'Network fails' },
  { value: 'empty', label: 'No organizations yet' },
];

export function TableSection() {
  const url = useTableUrlState<'status' | 'type'>({
    filters: ['status', 'type'],
    defaultSort: { id: 'name', desc: false },
    sortable: ['name', 'status', 'locations', 'intensity', 'updated'],
  });
  const [behaviour, setBehaviour] = useState<FakeQuery['behaviour']>('normal');
  const input: FakeQuery = {
    page: url.page,
    pageSize: url.pageSize,
    sort: url.sort,
    query: url.query,
    filters: url.filters,
    behaviour,
  };
  const result = useQuery({
    queryKey: ['dev-ui-organizations', input],
    queryFn: () => fetchOrganizations(input),
    placeholderData: keepPreviousData,
    retry: false,
  });

  const chips = useMemo(() => {
    const list: DataTableFilterChip[] = [];
    if (url.query) list.push({ id: 'q', label: 'Search', value: url.query });
    if (url.filters.status)
      list.push({
        id: 'status',
        label: 'Status',
        value: statusLabels[url.filters.status as 'active'] ?? url.filters.status,
      });
    if (url.filters.type)
      list.push({
        id: 'type',
        label: 'Type',
        value: typeLabels[url.filters.type as 'producer'] ?? url.filters.type,
      });
    return list;
  }, [url.query, url.filters.status, url.filters.type]);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-body text-muted-foreground" id="behaviour-label">
          Simulate:
        </span>
        <SelectMenu
          aria-label="Simulate the server"
          options={behaviours}
          value={behaviour}
          onValueChange={(value) => setBehaviour(value as FakeQuery['behaviour'])}
          className="w-56"
        />
      </div>
      <DataTable
        caption="Organizations"
        noun="organizations"
        columns={columns}
        rows={result.data?.rows}
        total={result.data?.total}
        page={url.page}
        pageSize={url.pageSize}
        sort={url.sort}
        onChange={url.onChange}
        getRowId={(row) => row.id}
        getRowLabel={(row) => row.name}
        onRowClick={(row) => toast.info(`Would open ${row.name}`, { description: row.id })}
        rowActions={(row) => [
          {
            label: 'Edit',
            icon: <Pencil aria-hidden="true" />,
            onSelect: () => toast.info(`Edit ${row.name}`),
          },
          {
            label: 'Archive',
            icon: <Archive aria-hidden="true" />,
            destructive: true,
            separatorBefore: true,
            disabled: row.status === 'archived',
            onSelect: () => toast.success('Organization archived', { description: row.name }),
          },
        ]}
        loading={result.isFetching}
        error={result.error}
        onRetry={() => result.refetch()}
        filters={chips}
        onRemoveFilter={(id) =>
          id === 'q' ? url.setQuery('') : url.setFilter(id as 'status' | 'type', null)
        }
        onClearFilters={url.clearFilters}
        toolbar={
          <>
            <TableSearch value={url.query} onChange={url.setQuery} placeholder="Search names and ids" />
            <FilterMenu
              label="Status"
              options={statusOptions}
              value={url.filters.status ?? null}
              onChange={(value) => url.setFilter('status', value)}
            />
            <FilterMenu
              label="Type"
              options={typeOptions}
              value={url.filters.type ?? null}
              onChange={(value) => url.setFilter('type', value)}
            />
            <div className="ml-auto">
              <Button size="sm" onClick={() => toast.info('Would open "New organization"')}>
                <Plus aria-hidden="true" />
                New organization
              </Button>
            </div>
          </>
        }
        empty={{
          title: 'No organizations yet',
          description:
            'Organizations are the producers, pipelines and buyers that report here. Create one or import a CSV.',
          action: (
            <>
              <Button>
                <Plus aria-hidden="true" />
                Create organization
              </Button>
              <Button variant="secondary">
                <Upload aria-hidden="true" />
                Import a CSV
              </Button>
            </>
          ),
        }}
      />
    </div>
  );
}
