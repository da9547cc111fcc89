'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../trpc/client';
import { Input } from '../../ui/input';
import { Select } from '../../ui/select';
import { ProfilePicker } from '../pickers';
import { readPath, schemaEnum, writePath } from './json-data';

const purposeWords: Record<string, string> = {
  ghgp_scope3: 'GHG Protocol Scope 3 reporting',
  voluntary: 'Voluntary claim',
  compliance: 'Compliance obligation',
  eu_methane_regulation: 'EU Methane Regulation importer information',
};

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * The retirement statement's header as fields: each change is written into the JSON (the JSON
 * stays the one source; the items are edited there). Choosing the profile fills in its name and
 * its organization's. Field errors of a refused preview or render show under the editor by path.
 */
export function RetirementHeaderForm({
  data,
  jsonSchema,
  errors,
  onChange,
}: {
  data: Record<string, unknown>;
  jsonSchema: Record<string, unknown>;
  errors: Record<string, string>;
  onChange: (data: Record<string, unknown>) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const set = (path: string) => (event: { target: { value: string } }) =>
    onChange(writePath(data, path, event.target.value === '' ? undefined : event.target.value));
  const field = (path: string) => ({
    value: text(readPath(data, path)),
    onChange: set(path),
    error: errors[`data.${path}`],
  });
  const purposes = schemaEnum(jsonSchema, 'purpose');

  async function chooseProfile(id: string) {
    let next = writePath(data, 'profileId', id || undefined);
    if (id) {
      const profile = await queryClient
        .fetchQuery(trpc.admin.profiles.get.queryOptions({ _id: id }))
        .catch(() => null);
      if (profile) {
        next = writePath(next, 'retiringOrganization.profileName', profile.name);
        next = writePath(next, 'retiringOrganization.name', profile.organizationName);
      }
    }
    onChange(next);
  }

  return (
    <fieldset className="min-w-0 space-y-4 border-t border-border pt-4">
      <legend className="sr-only">Statement header</legend>
      <p aria-hidden="true" className="text-base font-semibold">
        Statement header
      </p>
      <ProfilePicker
        label="Retiring profile"
        value={text(readPath(data, 'profileId'))}
        onChange={(id) => void chooseProfile(id)}
        error={errors['data.profileId']}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Input label="Retiring organization" maxLength={200} {...field('retiringOrganization.name')} />
        <Input
          label="Profile name on the statement"
          maxLength={200}
          {...field('retiringOrganization.profileName')}
        />
        <Input label="Beneficiary" maxLength={200} {...field('beneficiary.name')} />
        <Input
          label="Beneficiary country"
          maxLength={2}
          hint="Two letters, e.g. US"
          {...field('beneficiary.country')}
          onChange={(event) =>
            onChange(writePath(data, 'beneficiary.country', event.target.value.toUpperCase() || undefined))
          }
        />
      </div>
      <Select label="Purpose" {...field('purpose')}>
        <option value="">Choose…</option>
        {purposes.map((value) => (
          <option key={value} value={value}>
            {purposeWords[value] ?? value}
          </option>
        ))}
      </Select>
      <div className="grid gap-4 sm:grid-cols-3">
        <Input label="Period from" placeholder="YYYY-MM" {...field('reportingPeriod.from')} />
        <Input label="Period to" placeholder="YYYY-MM" {...field('reportingPeriod.to')} />
        <Input label="Retired on" type="date" {...field('retiredAt')} />
      </div>
    </fieldset>
  );
}
