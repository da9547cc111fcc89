'use client';

import { AuditFilterForm } from '@/components/audit/audit-filter-form';
import type { Member } from '@/components/organizations/types';
import { ComboboxField } from '@/components/ui/form-field';
import type { AuditFilterValues } from '@/server/modules/audit/schemas';

/** An organization's Activity filters: event type, one of its members, a span of days. */
export function ActivityFilters({
  members,
  initial,
  onApply,
}: {
  members: Member[];
  /** the filters in force (from the address), which the fields start from */
  initial: AuditFilterValues;
  onApply: (values: AuditFilterValues) => void;
}) {
  const people = members.map((m) => ({
    value: m._id,
    label: `${m.firstName} ${m.lastName}`.trim() || m.email,
    keywords: [m.email],
  }));
  return (
    <AuditFilterForm
      scope="organization"
      label="Filter the activity"
      initial={initial}
      onApply={onApply}
      people={
        <ComboboxField<AuditFilterValues>
          name="userId"
          label="Person"
          options={people}
          placeholder="Anyone"
          searchPlaceholder="Search members"
          optional
        />
      }
    />
  );
}
