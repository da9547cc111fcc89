'use client';

import { type FormEvent, useState } from 'react';
import { auditCatalog, auditPrefixes } from '@/server/modules/catalog';
import { Button } from '../../ui/button';
import { Form } from '../../ui/form';
import { Input } from '../../ui/input';
import { OrganizationPicker, UserPicker } from '../pickers';
import type { AuditFilters } from '../types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Draft = { userId: string; organizationId: string; action: string; from: string; to: string };

/** A date field's day, from its first instant in the reader's zone; `to` takes the whole day. */
const dayStart = (day: string) => new Date(`${day}T00:00`);
const fromInstant = (day: string) => (day ? dayStart(day).toISOString() : undefined);
/** The reader's day of an instant, as a date field writes it (yyyy-mm-dd). */
const dayOf = (iso: string | undefined) => {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const toInstant = (day: string) =>
  day ? new Date(dayStart(day).getTime() + 24 * 3600_000 - 1).toISOString() : undefined;

/** The filters are applied on submit, so half-typed ids and dates never reach the server. */
export function AuditFiltersForm({
  initial,
  onApply,
}: {
  initial: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}) {
  const [draft, setDraft] = useState<Draft>({
    userId: initial.userId ?? '',
    organizationId: initial.organizationId ?? '',
    action: initial.action ?? '',
    from: dayOf(initial.from),
    to: dayOf(initial.to),
  });
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  const set = (key: keyof Draft) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setDraft({ ...draft, [key]: e.target.value });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const userId = draft.userId.trim();
    const found: typeof errors = {};
    if (userId && !UUID.test(userId))
      found.userId = 'A user id looks like 0190c3e2-…: pick the user from the search instead.';
    if (draft.from && draft.to && draft.from > draft.to)
      found.to = 'The end date comes before the start date.';
    setErrors(found);
    if (Object.keys(found).length) return;
    onApply({
      userId: userId || undefined,
      organizationId: draft.organizationId || undefined,
      action: draft.action.trim() || undefined,
      from: fromInstant(draft.from),
      to: toInstant(draft.to),
    });
  }

  function clear() {
    setDraft({ userId: '', organizationId: '', action: '', from: '', to: '' });
    setErrors({});
    onApply({});
  }

  return (
    <Form onSubmit={submit} aria-label="Filter audit events" className="space-y-5">
      <div className="grid gap-4 lg:grid-cols-2">
        <fieldset className="space-y-3 rounded-md border border-border p-4">
          <legend className="px-1 text-sm font-medium text-foreground">User (who did it or to whom)</legend>
          <UserPicker
            label="Pick a user"
            value={UUID.test(draft.userId) ? draft.userId : ''}
            onChange={(userId) => setDraft({ ...draft, userId })}
          />
          <Input
            label="or a user id"
            value={draft.userId}
            onChange={set('userId')}
            error={errors.userId}
            autoComplete="off"
          />
        </fieldset>
        <fieldset className="space-y-3 rounded-md border border-border p-4">
          <legend className="px-1 text-sm font-medium text-foreground">Organization</legend>
          <OrganizationPicker
            label="Organization"
            value={draft.organizationId}
            onChange={(organizationId) => setDraft({ ...draft, organizationId })}
          />
        </fieldset>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Input
          label="Action"
          value={draft.action}
          onChange={set('action')}
          list="audit-actions"
          hint="Exact, such as auth.login, or a prefix such as admin."
          autoComplete="off"
        />
        {/* The modules' declared actions (server/modules/<area>/audit.ts): each prefix, then each action. */}
        <datalist id="audit-actions">
          {auditPrefixes.map((prefix) => (
            <option key={prefix} value={prefix} />
          ))}
          {Object.entries(auditCatalog).map(([action, { label }]) => (
            <option key={action} value={action} label={label} />
          ))}
        </datalist>
        <Input label="From" type="date" value={draft.from} onChange={set('from')} error={errors.from} />
        <Input label="To" type="date" value={draft.to} onChange={set('to')} error={errors.to} />
      </div>
      <div className="flex gap-3">
        <Button type="submit">Apply filters</Button>
        <Button variant="secondary" onClick={clear}>
          Clear filters
        </Button>
      </div>
    </Form>
  );
}
