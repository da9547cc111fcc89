'use client';

import { useEffect, useRef } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { fieldLimits, type OrganizationFormValues } from '@/server/modules/organizations/schemas';
import { countryOptions, usStateOptions } from '../../organizations/address-options';
import { IdentifierFields } from '../../organizations/identifier-fields';
import { Button } from '../../ui/button';
import { ComboboxField, SelectField, TextField } from '../../ui/form-field';
import type { AdminOrganization } from '../types';

const addressKeys = ['country', 'state', 'city', 'line1', 'line2', 'postalCode'] as const;

/** The form's values for an organization (or a new one): every field as text, the country a code or null. */
export function organizationFormValues(organization?: AdminOrganization): OrganizationFormValues {
  const address = organization?.address;
  return {
    name: organization?.name ?? '',
    taxId: organization?.taxId ?? '',
    duns: organization?.duns ?? '',
    address: {
      country: address?.country ?? null,
      state: address?.state ?? '',
      city: address?.city ?? '',
      line1: address?.line1 ?? '',
      line2: address?.line2 ?? '',
      postalCode: address?.postalCode ?? '',
    },
  };
}

/**
 * Name, tax id, DUNS and address, for the create and edit forms of the surrounding ZodForm
 * (organizationFormSchema). Only the edit form says how a value is cleared: a create form has
 * nothing to clear.
 */
export function OrganizationFields({
  mode,
  canWrite = true,
}: {
  mode: 'create' | 'edit';
  canWrite?: boolean;
}) {
  return (
    <div className="space-y-4">
      <TextField<OrganizationFormValues>
        name="name"
        label="Name"
        maxLength={fieldLimits.name}
        autoComplete="organization"
      />
      <IdentifierFields mode={mode} />
      <AddressFields mode={mode} canWrite={canWrite} />
    </div>
  );
}

function AddressFields({ mode, canWrite }: { mode: 'create' | 'edit'; canWrite: boolean }) {
  const { control, setValue } = useFormContext<OrganizationFormValues>();
  const country = useWatch({ control, name: 'address.country' });
  const parts = useWatch({ control, name: 'address' });
  const hasAddress = addressKeys.some((key) => (parts?.[key] ?? '').trim() !== '');

  // A US state is a code from the list, elsewhere free text: switching between them starts it over.
  const previous = useRef(country);
  useEffect(() => {
    const wasUs = previous.current === 'US';
    previous.current = country;
    if (wasUs !== (country === 'US')) setValue('address.state', '');
  }, [country, setValue]);

  return (
    <fieldset className="min-w-0 space-y-4 rounded-md border border-border p-4">
      <legend className="px-1 text-body font-medium text-foreground">
        Address <span className="font-normal text-muted-foreground">(optional)</span>
      </legend>
      <div className="grid gap-4 sm:grid-cols-3">
        <ComboboxField<OrganizationFormValues>
          name="address.country"
          label="Country"
          subject="The country"
          description="Needed with any other part of the address."
          options={countryOptions}
          placeholder="Choose a country"
          searchPlaceholder="Search countries"
          emptyText="No country matches."
        />
        {country === 'US' ? (
          <SelectField<OrganizationFormValues>
            name="address.state"
            label="State"
            subject="The state"
            optional
            options={usStateOptions}
            placeholder="Choose a state"
          />
        ) : (
          <TextField<OrganizationFormValues>
            name="address.state"
            label="State or region"
            subject="The state or region"
            optional
            maxLength={fieldLimits.state}
            autoComplete="address-level1"
          />
        )}
        <TextField<OrganizationFormValues>
          name="address.city"
          label="City"
          subject="The city"
          optional
          maxLength={fieldLimits.city}
          autoComplete="address-level2"
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField<OrganizationFormValues>
          name="address.line1"
          label="Address line 1"
          subject="The first line"
          optional
          maxLength={fieldLimits.line1}
          autoComplete="address-line1"
        />
        <TextField<OrganizationFormValues>
          name="address.line2"
          label="Address line 2"
          subject="The second line"
          optional
          maxLength={fieldLimits.line2}
          autoComplete="address-line2"
        />
      </div>
      <div className="grid items-end gap-4 sm:grid-cols-3">
        <TextField<OrganizationFormValues>
          name="address.postalCode"
          label="Postal code"
          subject="The postal code"
          optional
          maxLength={fieldLimits.postalCode}
          autoComplete="postal-code"
        />
        {mode === 'edit' && canWrite && hasAddress ? (
          <div className="sm:col-span-2">
            <Button
              variant="ghost"
              onClick={() =>
                setValue(
                  'address',
                  { country: null, state: '', city: '', line1: '', line2: '', postalCode: '' },
                  { shouldDirty: true },
                )
              }
            >
              Clear address
            </Button>
          </div>
        ) : null}
      </div>
    </fieldset>
  );
}
