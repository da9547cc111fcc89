'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useTRPC, useTRPCClient } from '../../trpc/client';
import { usePages } from '../../trpc/use-pages';
import { Badge } from '../../ui/badge';
import { Card } from '../../ui/card';
import { Input } from '../../ui/input';
import { Select } from '../../ui/select';
import { cell, ListState, LoadMore, Table } from '../table';
import { Time } from '../time';
import { useDebounced } from '../use-debounced';

const PAGE = 25;

export function OrganizationStatusBadge({ status }: { status: 'active' | 'archive' }) {
  return status === 'active' ? <Badge tone="green">Active</Badge> : <Badge>Archived</Badge>;
}

/** Organizations by part of their name and by status, a page at a time. */
export function OrganizationList() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<'' | 'active' | 'archive'>('');
  const term = useDebounced(search.trim());
  const input = { search: term || undefined, status: status || undefined, limit: PAGE };
  const { query: organizations, items } = usePages(
    trpc.admin.organizations.list.infiniteQueryKey(input),
    (cursor) => client.admin.organizations.list.query({ ...input, cursor }),
  );

  return (
    <Card>
      <search className="mb-5 grid gap-4 sm:grid-cols-[1fr_12rem]">
        <Input
          label="Name contains"
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          autoComplete="off"
        />
        <Select label="Status" value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
          <option value="">All</option>
          <option value="active">Active</option>
          <option value="archive">Archived</option>
        </Select>
      </search>
      <ListState
        pending={organizations.isPending}
        error={organizations.error}
        empty={items.length === 0}
        what="organizations"
      />
      {items.length > 0 ? (
        <Table caption="Organizations" headers={['Name', 'Tax id', 'DUNS', 'Profiles', 'Status', 'Created']}>
          {items.map((organization) => (
            <tr key={organization._id}>
              <td className={cell}>
                <Link
                  href={`/admin/organizations/${organization._id}`}
                  className="font-medium text-link hover:underline"
                >
                  {organization.name}
                </Link>
              </td>
              <td className={cell}>{organization.taxId || '—'}</td>
              <td className={`${cell} tabular-nums`}>{organization.duns || '—'}</td>
              <td className={`${cell} tabular-nums`}>{organization.profileCount}</td>
              <td className={cell}>
                <OrganizationStatusBadge status={organization.status} />
              </td>
              <td className={`${cell} whitespace-nowrap text-muted-foreground`}>
                <Time iso={organization.createdAt} />
              </td>
            </tr>
          ))}
        </Table>
      ) : null}
      <LoadMore
        hasMore={organizations.hasNextPage}
        pending={organizations.isFetchingNextPage}
        onClick={() => organizations.fetchNextPage()}
      />
    </Card>
  );
}
