'use client';

import Link from 'next/link';
import { useState } from 'react';
import { participantTagCodes } from '@/server/modules/profiles/catalog';
import { tagName } from '../../profiles/participant-catalog';
import { useTRPC, useTRPCClient } from '../../trpc/client';
import { usePages } from '../../trpc/use-pages';
import { Card } from '../../ui/card';
import { Checkbox } from '../../ui/checkbox';
import { Input } from '../../ui/input';
import { cell, ListState, LoadMore, Table } from '../table';
import { useDebounced } from '../use-debounced';
import { ProfileRow } from './profile-row';

const PAGE = 25;

/** Profiles holding every ticked participant tag, optionally narrowed by part of the name. */
export function ProfileSearch() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [tags, setTags] = useState<string[]>([]);
  const [name, setName] = useState('');
  const term = useDebounced(name.trim());
  const input = {
    participantTags: tags.length ? tags.map((tag) => ({ tag })) : undefined,
    name: term || undefined,
    limit: PAGE,
  };
  const { query: profiles, items } = usePages(trpc.admin.profiles.search.infiniteQueryKey(input), (cursor) =>
    client.admin.profiles.search.query({ ...input, cursor }),
  );

  return (
    <Card>
      <search className="mb-5 grid gap-5 sm:grid-cols-[1fr_16rem]">
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-foreground">
            Holding every one of these tags
          </legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {participantTagCodes.map((tag) => (
              <Checkbox
                key={tag}
                label={tagName(tag)}
                checked={tags.includes(tag)}
                onChange={(e) => setTags(e.target.checked ? [...tags, tag] : tags.filter((t) => t !== tag))}
              />
            ))}
          </div>
        </fieldset>
        <Input
          label="Name contains"
          type="search"
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoComplete="off"
        />
      </search>
      <ListState
        pending={profiles.isPending}
        error={profiles.error}
        empty={items.length === 0}
        what="profiles"
      />
      {items.length > 0 ? (
        <Table caption="Profiles" headers={['Name', 'Organization', 'Participant tags', 'Status']}>
          {items.map((profile) => (
            <ProfileRow key={profile._id} profile={profile}>
              <td className={cell}>
                <Link
                  href={`/admin/organizations/${profile.organizationId}`}
                  className="text-link hover:underline"
                >
                  {profile.organizationName}
                </Link>
              </td>
            </ProfileRow>
          ))}
        </Table>
      ) : null}
      <LoadMore
        hasMore={profiles.hasNextPage}
        pending={profiles.isFetchingNextPage}
        onClick={() => profiles.fetchNextPage()}
      />
    </Card>
  );
}
