'use client';

import { fieldError, type SaveError } from '../../trpc/save-error';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';
import { useCanWrite } from '../access';
import type { AdminOrganization } from '../types';

const addressKeys = ['country', 'state', 'city', 'line1', 'line2', 'postalCode'] as const;
type AddressKey = (typeof addressKeys)[number];

export type OrganizationDraft = { name: string; taxId: string; duns: string } & Record<AddressKey, string>;

export const SHOWN_ORGANIZATION_FIELDS = ['name', 'taxId', 'duns', 'address'];

export function organizationDraft(organization?: AdminOrganization): OrganizationDraft {
  const address = organization?.address;
  return {
    name: organization?.name ?? '',
    taxId: organization?.taxId ?? '',
    duns: organization?.duns ?? '',
    country: address?.country ?? '',
    state: address?.state ?? '',
    city: address?.city ?? '',
    line1: address?.line1 ?? '',
    line2: address?.line2 ?? '',
    postalCode: address?.postalCode ?? '',
  };
}

/** The address as the API takes it: only the filled fields; `{}` (no field at all) clears it. */
export function addressInput(draft: OrganizationDraft): Partial<Record<AddressKey, string>> {
  const address: Partial<Record<AddressKey, string>> = {};
  for (const key of addressKeys) {
    const value = draft[key].trim();
    if (value) address[key] = key === 'country' ? value.toUpperCase() : value;
  }
  return address;
}

/** What the browser can tell before asking the server; the server's rules are the same. */
export function checkOrganization(draft: OrganizationDraft): SaveError {
  const fields: Record<string, string> = {};
  if (!draft.name.trim()) fields.name = 'is required';
  if (draft.duns.trim() && !/^\d{9}$/.test(draft.duns.trim())) fields.duns = 'must be 9 digits';
  const address = addressInput(draft);
  if (Object.keys(address).length > 0 && !address.country) fields['address.country'] = 'is required';
  return Object.keys(fields).length ? { code: 'LOCAL', message: '', fields } : null;
}

/** Name, tax id, DUNS and address, shared by the create and edit forms. */
export function OrganizationFields({
  value,
  onChange,
  error,
}: {
  value: OrganizationDraft;
  onChange: (next: OrganizationDraft) => void;
  error: SaveError;
}) {
  const text = (key: keyof OrganizationDraft) => ({
    value: value[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...value, [key]: e.target.value }),
  });
  const addressError = (key: AddressKey, subject: string) => fieldError(error, `address.${key}`, subject);
  const canWrite = useCanWrite();
  const hasAddress = addressKeys.some((key) => value[key].trim());

  return (
    <div className="space-y-4">
      <Input label="Name" {...text('name')} error={fieldError(error, 'name', 'The name')} required />
      <div className="grid gap-4 sm:grid-cols-2">
        <Input
          label="Tax id"
          {...text('taxId')}
          error={fieldError(error, 'taxId', 'The tax id')}
          hint="Such as a US EIN. Leave empty to clear it."
        />
        <Input
          label="DUNS number"
          inputMode="numeric"
          {...text('duns')}
          error={fieldError(error, 'duns', 'The DUNS number')}
          hint="9 digits. Leave empty to clear it."
        />
      </div>
      <fieldset className="space-y-4 rounded-md border border-border p-4">
        <legend className="px-1 text-sm font-medium text-foreground">Address (optional)</legend>
        {error?.fields.address ? (
          <p className="text-sm text-danger-fg">The address {error.fields.address}.</p>
        ) : null}
        <div className="grid gap-4 sm:grid-cols-3">
          <Input
            label="Country"
            {...text('country')}
            maxLength={2}
            autoCapitalize="characters"
            error={addressError('country', 'The country')}
            hint="Two-letter code such as US; needed with any other address field."
          />
          <Input label="State or region" {...text('state')} error={addressError('state', 'The state')} />
          <Input label="City" {...text('city')} error={addressError('city', 'The city')} />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Input label="Address line 1" {...text('line1')} error={addressError('line1', 'The line')} />
          <Input label="Address line 2" {...text('line2')} error={addressError('line2', 'The line')} />
        </div>
        <div className="grid items-end gap-4 sm:grid-cols-3">
          <Input
            label="Postal code"
            {...text('postalCode')}
            error={addressError('postalCode', 'The postal code')}
          />
          {canWrite && hasAddress ? (
            <div className="sm:col-span-2">
              <Button
                variant="ghost"
                onClick={() => onChange({ ...value, ...Object.fromEntries(addressKeys.map((k) => [k, ''])) })}
              >
                Clear address
              </Button>
            </div>
          ) : null}
        </div>
      </fieldset>
    </div>
  );
}
