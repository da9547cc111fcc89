'use client';

import { useEffect, useRef } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { fieldLimits } from '@/server/modules/organizations/schemas';
import { Button } from '../ui/button';
import { ComboboxField, SelectField, TextField } from '../ui/form-field';
import { countryOptions, usStateOptions } from './address-options';

const addressKeys = ['country', 'state', 'city', 'line1', 'line2', 'postalCode'] as const;

/** Any form holding an address the way addressFormSchema reads it (organizations, locations). */
type AddressForm = {
  address: {
    country: string | null;
    state: string;
    city: string;
    line1: string;
    line2: string;
    postalCode: string;
  };
};

/**
 * The address of a ZodForm: the country by name, for the US the state from the list (elsewhere
 * free text), city, lines and postal code. Shared by the organization and location forms.
 */
export function AddressFields({
  mode,
  canWrite,
  required = false,
}: {
  mode: 'create' | 'edit';
  canWrite: boolean;
  /** the whole address is required (a location's), not only its country once a part is given */
  required?: boolean;
}) {
  const { control, setValue } = useFormContext<AddressForm>();
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
        Address
        {required ? null : <span className="font-normal text-muted-foreground"> (optional)</span>}
      </legend>
      <div className="grid gap-4 sm:grid-cols-3">
        <ComboboxField<AddressForm>
          name="address.country"
          label="Country"
          subject="The country"
          description={required ? undefined : 'Needed with any other part of the address.'}
          options={countryOptions}
          placeholder="Choose a country"
          searchPlaceholder="Search countries"
          emptyText="No country matches."
        />
        {country === 'US' ? (
          <SelectField<AddressForm>
            name="address.state"
            label="State"
            subject="The state"
            optional
            options={usStateOptions}
            placeholder="Choose a state"
          />
        ) : (
          <TextField<AddressForm>
            name="address.state"
            label="State or region"
            subject="The state or region"
            optional
            maxLength={fieldLimits.state}
            autoComplete="address-level1"
          />
        )}
        <TextField<AddressForm>
          name="address.city"
          label="City"
          subject="The city"
          optional
          maxLength={fieldLimits.city}
          autoComplete="address-level2"
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField<AddressForm>
          name="address.line1"
          label="Address line 1"
          subject="The first line"
          optional
          maxLength={fieldLimits.line1}
          autoComplete="address-line1"
        />
        <TextField<AddressForm>
          name="address.line2"
          label="Address line 2"
          subject="The second line"
          optional
          maxLength={fieldLimits.line2}
          autoComplete="address-line2"
        />
      </div>
      <div className="grid items-end gap-4 sm:grid-cols-3">
        <TextField<AddressForm>
          name="address.postalCode"
          label="Postal code"
          subject="The postal code"
          optional
          maxLength={fieldLimits.postalCode}
          autoComplete="postal-code"
        />
        {mode === 'edit' && canWrite && hasAddress && !required ? (
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
