'use client';

import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import type { ComboboxOption } from '@/components/ui/combobox';
import { ComboboxField, TextField } from '@/components/ui/form-field';
import { useZodForm, ZodForm } from '@/components/ui/zod-form';
import {
  type AuditFilterValues,
  auditFilterFormSchema,
  noAuditFilters,
} from '@/server/modules/audit/schemas';
import { auditCatalog, auditGroups } from '@/server/modules/catalog';

/**
 * The event types a log can be filtered on, by their readable names: each module's group first
 * ("Everything about members"), then single events. An organization's Activity offers the events
 * it words as sentences; the staff log offers every declared one. Codes find an option when typed.
 */
export function eventTypeOptions(scope: 'organization' | 'platform'): ComboboxOption[] {
  const groups = auditGroups.map(({ prefix, label }) => ({
    value: prefix.replace(/\.$/, ''),
    label,
    keywords: [prefix],
    group: 'Groups',
  }));
  const single = Object.entries(auditCatalog)
    .filter(([, words]) => scope === 'platform' || words.phrase !== undefined)
    .map(([action, { label }]) => ({ value: action, label, keywords: [action], group: 'Single events' }));
  return [...groups, ...single];
}

/** The readable name of an action filter value (a group, an action, or what was typed). */
export function eventTypeLabel(value: string, scope: 'organization' | 'platform'): string {
  const bare = value.replace(/[.*]$/, '');
  return eventTypeOptions(scope).find((option) => option.value === bare)?.label ?? value;
}

/**
 * The filters of an audit log (an organization's Activity, the staff log), on the audit module's
 * form schema: applied on submit, so a half-typed date never reaches the server; the end day may
 * not come before the start day. `people` renders the log's own person (and organization) fields.
 */
export function AuditFilterForm({
  scope,
  initial,
  onApply,
  people,
  label,
}: {
  scope: 'organization' | 'platform';
  initial: AuditFilterValues;
  onApply: (values: AuditFilterValues) => void;
  people: ReactNode;
  label: string;
}) {
  const form = useZodForm(auditFilterFormSchema, { defaultValues: { ...noAuditFilters, ...initial } });
  return (
    <ZodForm form={form} onSubmit={(values) => onApply(values)} aria-label={label} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <ComboboxField<AuditFilterValues>
          name="action"
          label="Event type"
          options={eventTypeOptions(scope)}
          placeholder="All events"
          searchPlaceholder="Search event types"
          optional
        />
        {people}
        <TextField<AuditFilterValues>
          name="from"
          label="From"
          subject="The start date"
          type="date"
          optional
        />
        <TextField<AuditFilterValues> name="to" label="To" subject="The end date" type="date" optional />
      </div>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" variant="secondary">
          Apply filters
        </Button>
        <Button
          variant="ghost"
          onClick={() => {
            form.reset(noAuditFilters);
            onApply(noAuditFilters);
          }}
        >
          Clear filters
        </Button>
      </div>
    </ZodForm>
  );
}
