'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../trpc/client';
import { Input } from '../ui/input';
import { Select } from '../ui/select';
import { useDebounced } from './use-debounced';

type Option = { id: string; label: string };

type PickerProps = {
  label: string;
  value: string;
  onChange: (id: string) => void;
  error?: string;
  disabled?: boolean;
};

/**
 * A search box that narrows a select: plain native controls, so the keyboard and screen readers
 * work as everywhere else. The chosen record stays listed when a later search no longer finds it.
 */
function SearchSelect({
  label,
  searchLabel,
  value,
  onChange,
  error,
  disabled,
  search,
  onSearch,
  options,
  pending,
  selectedLabel,
}: PickerProps & {
  searchLabel: string;
  search: string;
  onSearch: (text: string) => void;
  options: Option[];
  pending: boolean;
  /** the name of the chosen record when the current search no longer lists it */
  selectedLabel?: string;
}) {
  const listed =
    value && !options.some((o) => o.id === value)
      ? [{ id: value, label: selectedLabel ?? value }, ...options]
      : options;
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Input
        label={searchLabel}
        type="search"
        value={search}
        disabled={disabled}
        onChange={(e) => onSearch(e.target.value)}
        hint={pending ? 'Searching…' : `${options.length} found${options.length === 20 ? ' (first 20)' : ''}`}
      />
      <Select
        label={label}
        value={value}
        error={error}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">Choose…</option>
        {listed.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </Select>
    </div>
  );
}

const PICK_LIMIT = 20;

export function OrganizationPicker(props: PickerProps) {
  const trpc = useTRPC();
  const [search, setSearch] = useState('');
  const term = useDebounced(search.trim());
  const list = useQuery(
    trpc.admin.organizations.list.queryOptions({ search: term || undefined, limit: PICK_LIMIT }),
  );
  const options = (list.data?.items ?? []).map((o) => ({
    id: o._id,
    label: o.status === 'archive' ? `${o.name} (archived)` : o.name,
  }));
  const missing = Boolean(props.value) && !options.some((o) => o.id === props.value);
  const selected = useQuery({
    ...trpc.admin.organizations.get.queryOptions({ _id: props.value }),
    enabled: missing,
  });
  return (
    <SearchSelect
      {...props}
      searchLabel="Search organizations by name"
      search={search}
      onSearch={setSearch}
      options={options}
      pending={list.isFetching}
      selectedLabel={selected.data?.name}
    />
  );
}

export function ProfilePicker(props: PickerProps) {
  const trpc = useTRPC();
  const [search, setSearch] = useState('');
  const term = useDebounced(search.trim());
  const list = useQuery(
    trpc.admin.profiles.search.queryOptions({ name: term || undefined, limit: PICK_LIMIT }),
  );
  const options = (list.data?.items ?? []).map((p) => ({
    id: p._id,
    label: `${p.name} (${p.organizationName})`,
  }));
  const missing = Boolean(props.value) && !options.some((o) => o.id === props.value);
  const selected = useQuery({
    ...trpc.admin.profiles.get.queryOptions({ _id: props.value }),
    enabled: missing,
  });
  return (
    <SearchSelect
      {...props}
      searchLabel="Search profiles by name"
      search={search}
      onSearch={setSearch}
      options={options}
      pending={list.isFetching}
      selectedLabel={selected.data ? `${selected.data.name} (${selected.data.organizationName})` : undefined}
    />
  );
}

export function UserPicker(props: PickerProps) {
  const trpc = useTRPC();
  const [search, setSearch] = useState('');
  const term = useDebounced(search.trim());
  const list = useQuery(trpc.admin.users.search.queryOptions({ email: term, limit: PICK_LIMIT }));
  const options = (list.data?.items ?? []).map((u) => ({ id: u._id, label: u.email }));
  const missing = Boolean(props.value) && !options.some((o) => o.id === props.value);
  const selected = useQuery({
    ...trpc.admin.users.get.queryOptions({ userId: props.value }),
    enabled: missing,
  });
  return (
    <SearchSelect
      {...props}
      searchLabel="Search users by email"
      search={search}
      onSearch={setSearch}
      options={options}
      pending={list.isFetching}
      selectedLabel={selected.data?.email}
    />
  );
}
