'use client';

import { type FormEvent, useState } from 'react';
import { actionGroups, activityActions } from '@/components/audit/describe-event';
import type { Member } from '@/components/organizations/types';
import { Button } from '@/components/ui/button';
import { Form } from '@/components/ui/form';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';

export type ActivityFilterValues = { action: string; userId: string; from: string; to: string };
export const noFilters: ActivityFilterValues = { action: '', userId: '', from: '', to: '' };

/** Filters apply on submit, so typing a date does not fire a query per keystroke. */
export function ActivityFilters({
  members,
  initial = noFilters,
  onApply,
}: {
  members: Member[];
  /** the filters in force (from the address), which the fields start from */
  initial?: ActivityFilterValues;
  onApply: (values: ActivityFilterValues) => void;
}) {
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<string | undefined>();
  const set = (key: keyof ActivityFilterValues) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (values.from && values.to && values.to < values.from)
      return setError('The end date is before the start date.');
    setError(undefined);
    onApply(values);
  }

  return (
    <Form onSubmit={submit} aria-label="Filter the activity" className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Select label="Action" value={values.action} onChange={set('action')}>
          <option value="">All actions</option>
          <optgroup label="Groups">
            {actionGroups.map((g) => (
              <option key={g.value} value={g.value}>
                {g.label}
              </option>
            ))}
          </optgroup>
          <optgroup label="One action">
            {activityActions.map(({ action, label }) => (
              <option key={action} value={action}>
                {label}
              </option>
            ))}
          </optgroup>
        </Select>
        <Select label="Person" value={values.userId} onChange={set('userId')}>
          <option value="">Anyone</option>
          {members.map((m) => (
            <option key={m._id} value={m._id}>
              {`${m.firstName} ${m.lastName}`.trim() || m.email} ({m.email})
            </option>
          ))}
        </Select>
        <Input label="From date" type="date" value={values.from} onChange={set('from')} />
        <Input label="To date" type="date" value={values.to} onChange={set('to')} error={error} />
      </div>
      <div className="flex gap-3">
        <Button type="submit" variant="secondary">
          Apply filters
        </Button>
        <Button
          variant="ghost"
          onClick={() => {
            setValues(noFilters);
            setError(undefined);
            onApply(noFilters);
          }}
        >
          Clear
        </Button>
      </div>
    </Form>
  );
}
