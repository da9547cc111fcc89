'use client';

import { Controller, useFormContext } from 'react-hook-form';
import { AuditFilterForm } from '@/components/audit/audit-filter-form';
import { fieldMessage, TextField } from '@/components/ui/form-field';
import type { AuditFilterValues } from '@/server/modules/audit/schemas';
import { OrganizationPicker, UserPicker } from '../pickers';
import type { AuditFilters } from '../types';

/** A date field's day, from its first instant in the reader's zone; `to` takes the whole day. */
const dayStart = (day: string) => new Date(`${day}T00:00`);
const fromInstant = (day: string) => (day ? dayStart(day).toISOString() : undefined);
const toInstant = (day: string) =>
  day ? new Date(dayStart(day).getTime() + 24 * 3600_000 - 1).toISOString() : undefined;
/** The reader's day of an instant, as a date field writes it (yyyy-mm-dd). */
const dayOf = (iso: string | undefined) => {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** The staff log's person and organization: picked from a search, or a user id pasted in. */
function StaffPeopleFields({ withOrganization }: { withOrganization: boolean }) {
  const { control } = useFormContext<AuditFilterValues>();
  return (
    <>
      <div className="space-y-3 sm:col-span-2">
        <Controller
          control={control}
          name="userId"
          render={({ field, fieldState }) => (
            <UserPicker
              label="User (who did it or to whom)"
              value={/^[0-9a-f-]{36}$/i.test(field.value) ? field.value : ''}
              onChange={field.onChange}
              error={fieldMessage(fieldState.error?.message, 'The user')}
            />
          )}
        />
        <TextField<AuditFilterValues> name="userId" label="or a user id" subject="The user" optional />
      </div>
      {withOrganization ? (
        <div className="sm:col-span-2">
          <Controller
            control={control}
            name="organizationId"
            render={({ field }) => (
              <OrganizationPicker label="Organization" value={field.value} onChange={field.onChange} />
            )}
          />
        </div>
      ) : null}
    </>
  );
}

/** The staff log's filters: the same form as an organization's Activity, with any user and organization. */
export function AuditFiltersForm({
  initial,
  onApply,
  withOrganization = true,
}: {
  initial: AuditFilters;
  onApply: (filters: AuditFilters) => void;
  /** false on an organization's own Activity tab, whose log is always that organization's */
  withOrganization?: boolean;
}) {
  return (
    <AuditFilterForm
      scope="platform"
      label="Filter audit events"
      initial={{
        userId: initial.userId ?? '',
        organizationId: initial.organizationId ?? '',
        action: initial.action ?? '',
        from: dayOf(initial.from),
        to: dayOf(initial.to),
      }}
      onApply={(values) =>
        onApply({
          userId: values.userId || undefined,
          organizationId: values.organizationId || undefined,
          action: values.action || undefined,
          from: fromInstant(values.from),
          to: toInstant(values.to),
        })
      }
      people={<StaffPeopleFields withOrganization={withOrganization} />}
    />
  );
}
