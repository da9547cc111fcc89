'use client';

import { basins, locationStatuses, locationTypes } from '@/server/modules/locations/catalog';
import { locationLimits } from '@/server/modules/locations/schemas';
import { fieldLimits } from '@/server/modules/organizations/schemas';
import { AddressFields } from '../organizations/address-fields';
import { ComboboxField, FormField, SelectField, TextField } from '../ui/form-field';
import { Switch } from '../ui/switch';
import { stateWord } from '../words';
import type { LocationFormValues } from './location-form-schema';
import { SuppliersField } from './suppliers-field';

const typeOptions = Object.entries(locationTypes).map(([value, label]) => ({ value, label }));
const statusOptions = locationStatuses.map((value) => ({ value, label: stateWord('location', value) }));
const basinOptions = basins.map((basin) => ({
  value: basin.name,
  label: basin.name,
  keywords: [...basin.aliases],
  hint: basin.aliases.length ? basin.aliases.slice(0, 3).join(', ') : undefined,
}));

/** Every field of a location, for the new and edit forms of the surrounding ZodForm (locationFormSchema). */
export function LocationFields({ mode }: { mode: 'create' | 'edit' }) {
  return (
    <div className="space-y-5">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField<LocationFormValues>
          name="name"
          label="Name"
          maxLength={fieldLimits.name}
          autoFocus={mode === 'create'}
        />
        <TextField<LocationFormValues>
          name="code"
          label="Code"
          subject="The code"
          optional
          description="A partner system’s id or a facility code, unique in this profile."
          maxLength={locationLimits.code}
          spellCheck={false}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField<LocationFormValues>
          name="type"
          label="Type"
          subject="The type"
          optional
          options={typeOptions}
          placeholder="Choose a type"
        />
        <ComboboxField<LocationFormValues>
          name="basin"
          label="Basin"
          subject="The basin"
          optional
          options={basinOptions}
          placeholder="Choose a basin"
          searchPlaceholder="Search basins"
          emptyText="No basin matches."
        />
        <SelectField<LocationFormValues>
          name="status"
          label="Status"
          subject="The status"
          options={statusOptions}
        />
      </div>
      <FormField<LocationFormValues>
        name="isDirectConnection"
        label="Direct connection"
        description="Connected to the pipeline directly, not through a third party."
      >
        {({ value, onChange, labelId, ...control }) => (
          <Switch
            id={control.id}
            ref={control.ref as (element: HTMLButtonElement | null) => void}
            checked={value === true}
            onCheckedChange={onChange}
            onBlur={control.onBlur}
            disabled={control.disabled}
            aria-invalid={control['aria-invalid']}
            aria-describedby={control['aria-describedby']}
          />
        )}
      </FormField>
      <SuppliersField />
      <fieldset className="min-w-0 space-y-2 rounded-md border border-border p-4">
        <legend className="px-1 text-body font-medium text-foreground">
          Coordinates <span className="font-normal text-muted-foreground">(optional)</span>
        </legend>
        <p className="text-caption text-muted-foreground">
          Decimal degrees; both or neither. They place it on the map.
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField<LocationFormValues>
            name="latitude"
            label="Latitude"
            subject="The latitude"
            inputMode="decimal"
            placeholder="31.9973"
          />
          <TextField<LocationFormValues>
            name="longitude"
            label="Longitude"
            subject="The longitude"
            inputMode="decimal"
            placeholder="-102.0779"
          />
        </div>
      </fieldset>
      <AddressFields mode={mode} canWrite required />
    </div>
  );
}
