'use client';

import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTRPC } from '../trpc/client';
import { Combobox } from '../ui/combobox';
import { FieldError } from '../ui/field-error';
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
 * A searchable choice of one record, searched on the server as the person types (the first 20
 * matches); the chosen record keeps its name when a later search no longer finds it.
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
  const id = useId();
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-body font-medium text-foreground">
        {label}
      </label>
      <Combobox
        id={id}
        options={options.map((option) => ({ value: option.id, label: option.label }))}
        value={value || null}
        onValueChange={(next) => onChange(next ?? '')}
        selectedLabel={selectedLabel}
        search={{ value: search, onChange: onSearch, pending }}
        placeholder="Choose…"
        searchPlaceholder={searchLabel}
        emptyText="Nothing matches."
        clearable
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? <FieldError id={`${id}-error`}>{error}</FieldError> : null}
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
