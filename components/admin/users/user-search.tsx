'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useTRPC, useTRPCClient } from '../../trpc/client';
import { usePages } from '../../trpc/use-pages';
import { Badge } from '../../ui/badge';
import { Card } from '../../ui/card';
import { Input } from '../../ui/input';
import { cell, ListState, LoadMore, Table } from '../table';
import { Time } from '../time';
import { useDebounced } from '../use-debounced';

const PAGE = 25;

/** Users whose email contains the text typed, any case, a page at a time. */
export function UserSearch() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [email, setEmail] = useState('');
  const term = useDebounced(email.trim());
  const input = { email: term, limit: PAGE };
  const { query: users, items } = usePages(trpc.admin.users.search.infiniteQueryKey(input), (cursor) =>
    client.admin.users.search.query({ ...input, cursor }),
  );

  return (
    <Card>
      <search className="mb-5 block max-w-md">
        <Input
          label="Email contains"
          type="search"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          placeholder="name@example.com"
          autoComplete="off"
        />
      </search>
      <ListState pending={users.isPending} error={users.error} empty={items.length === 0} what="users" />
      {items.length > 0 ? (
        <Table caption="Users" headers={['Email', 'Name', 'Status', 'Last sign-in', 'Created']}>
          {items.map((user) => (
            <tr key={user._id}>
              <td className={cell}>
                <Link href={`/admin/users/${user._id}`} className="font-medium text-link hover:underline">
                  {user.email}
                </Link>
              </td>
              <td className={cell}>{`${user.firstName} ${user.lastName}`.trim() || '—'}</td>
              <td className={cell}>
                <span className="flex flex-wrap gap-1">
                  {user.status === 'active' ? (
                    <Badge tone="green">Active</Badge>
                  ) : (
                    <Badge tone="red">Disabled</Badge>
                  )}
                  {user.passwordChangeRequired ? <Badge tone="amber">Temporary password</Badge> : null}
                </span>
              </td>
              <td className={`${cell} whitespace-nowrap text-muted-foreground`}>
                <Time iso={user.lastLoginAt} />
              </td>
              <td className={`${cell} whitespace-nowrap text-muted-foreground`}>
                <Time iso={user.createdAt} />
              </td>
            </tr>
          ))}
        </Table>
      ) : null}
      <LoadMore
        hasMore={users.hasNextPage}
        pending={users.isFetchingNextPage}
        onClick={() => users.fetchNextPage()}
      />
    </Card>
  );
}
