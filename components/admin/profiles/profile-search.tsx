'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Building2, ExternalLink, ListFilter } from 'lucide-react';
import Link from 'next/link';
import { useMemo } from 'react';
import { adminProfileSortFields } from '@/server/modules/admin/schemas';
import { participantTagCodes } from '@/server/modules/profiles/catalog';
import { tagName } from '../../profiles/participant-catalog';
import { ParticipantTagBadges } from '../../profiles/participant-tag-badges';
import { StateBadge } from '../../state-badge';
import { useTRPC } from '../../trpc/client';
import { Button, buttonClass } from '../../ui/button';
import {
  createDataTableColumns,
  DataTable,
  type DataTableFilterChip,
  pagedTableProps,
  TableSearch,
  useTableUrlState,
} from '../../ui/data-table';
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '../../ui/dropdown-menu';
import { pageWindow, serverSort } from '../list';
import type { AdminProfile } from '../types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const knownTags: readonly string[] = participantTagCodes;

const col = createDataTableColumns<AdminProfile>();
const columns = col.columns([
  col.accessor('name', { header: 'Name', enableSorting: true, meta: { primary: true } }),
  col.accessor('organizationName', {
    header: 'Organization',
    enableSorting: true,
    cell: (info) => (
      <Link
        href={`/admin/organizations/${info.row.original.organizationId}`}
        className="focus-ring rounded-sm text-link hover:underline"
      >
        {info.getValue()}
      </Link>
    ),
  }),
  col.accessor('participantTags', {
    header: 'Participant tags',
    cell: (info) => <ParticipantTagBadges tags={info.getValue()} empty="None" />,
  }),
  col.accessor('status', {
    header: 'Status',
    enableSorting: true,
    cell: (info) => <StateBadge kind="organization" state={info.getValue()} />,
  }),
]);

/** The participant tags a profile must all hold: a menu of checkboxes, kept as `?tags=a,b`. */
function TagFilter({ value, onChange }: { value: string[]; onChange: (tags: string[]) => void }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          variant="secondary"
          size="sm"
          aria-label={`Filter by participant tags${value.length ? `: ${value.length} chosen` : ''}`}
        >
          <ListFilter aria-hidden="true" />
          <span>
            Participant tags
            {value.length ? (
              <span className="font-normal text-muted-foreground">: {value.length}</span>
            ) : null}
          </span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="min-w-64">
        <DropdownMenuLabel>Holding every one of</DropdownMenuLabel>
        <DropdownMenuSeparator />
        {participantTagCodes.map((tag) => (
          <DropdownMenuCheckboxItem
            key={tag}
            checked={value.includes(tag)}
            onSelect={(event) => event.preventDefault()}
            onCheckedChange={(checked) =>
              onChange(checked ? [...value, tag] : value.filter((t) => t !== tag))
            }
          >
            {tagName(tag)}
          </DropdownMenuCheckboxItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

/** Profiles by part of the name, participant tags and organization; sorted and paged, all in the URL. */
export function ProfileSearch() {
  const trpc = useTRPC();
  const url = useTableUrlState<'tags' | 'organizationId'>({
    filters: ['tags', 'organizationId'],
    sortable: adminProfileSortFields,
  });
  const tags = useMemo(
    () => (url.filters.tags ?? '').split(',').filter((tag) => knownTags.includes(tag)),
    [url.filters.tags],
  );
  const organizationId =
    url.filters.organizationId && UUID.test(url.filters.organizationId)
      ? url.filters.organizationId
      : undefined;
  const query = useQuery({
    ...trpc.admin.profiles.search.queryOptions({
      name: url.query || undefined,
      participantTags: tags.length ? tags.map((tag) => ({ tag })) : undefined,
      organizationId,
      sort: serverSort(url.sort),
      ...pageWindow(url.page, url.pageSize),
    }),
    placeholderData: keepPreviousData,
  });
  const organizationName = query.data?.items.find(
    (p) => p.organizationId === organizationId,
  )?.organizationName;

  const chips = useMemo(() => {
    const list: DataTableFilterChip[] = [];
    if (url.query) list.push({ id: 'q', label: 'Name', value: url.query });
    for (const tag of tags) list.push({ id: `tag:${tag}`, label: 'Tag', value: tagName(tag) });
    if (organizationId)
      list.push({ id: 'organizationId', label: 'Organization', value: organizationName ?? 'chosen' });
    return list;
  }, [url.query, tags, organizationId, organizationName]);

  const setTags = (next: string[]) => url.setFilter('tags', next.length ? next.join(',') : null);

  return (
    <DataTable
      {...pagedTableProps(url, query)}
      caption="Profiles"
      noun="profiles"
      columns={columns}
      rows={query.data?.items}
      getRowId={(row) => row._id}
      getRowLabel={(row) => row.name}
      rowHref={(row) => `/admin/profiles/${row._id}`}
      rowActions={(row) => [
        { label: 'Open', icon: <ExternalLink aria-hidden="true" />, href: `/admin/profiles/${row._id}` },
        {
          label: 'Open its organization',
          icon: <Building2 aria-hidden="true" />,
          href: `/admin/organizations/${row.organizationId}`,
        },
      ]}
      filters={chips}
      onRemoveFilter={(id) => {
        if (id === 'q') url.setQuery('');
        else if (id === 'organizationId') url.setFilter('organizationId', null);
        else setTags(tags.filter((tag) => `tag:${tag}` !== id));
      }}
      onClearFilters={url.clearFilters}
      toolbar={
        <>
          <TableSearch
            value={url.query}
            onChange={url.setQuery}
            label="Search profiles by name"
            placeholder="Name contains"
          />
          <TagFilter value={tags} onChange={setTags} />
        </>
      }
      empty={{
        title: 'No profiles yet',
        description:
          'A profile is an organization’s part that reports (a producer, a transporter). Add one from its organization’s page.',
        action: (
          <Link href="/admin/organizations" className={buttonClass('secondary')}>
            Go to organizations
          </Link>
        ),
      }}
    />
  );
}
