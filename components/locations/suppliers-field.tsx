'use client';

import { X } from 'lucide-react';
import { useState } from 'react';
import { MAX_PREFERRED_SUPPLIERS } from '@/server/modules/locations/catalog';
import { locationLimits } from '@/server/modules/locations/schemas';
import { FormField } from '../ui/form-field';
import { InputControl } from '../ui/input';
import { addSupplier, type LocationFormValues } from './location-form-schema';

/**
 * Preferred suppliers as tags: type a name and press Enter (or a comma) to add it, × to remove
 * it; at most 50. The names are checked by the schema like any field.
 */
export function SuppliersField({ disabled }: { disabled?: boolean }) {
  const [draft, setDraft] = useState('');
  return (
    <FormField<LocationFormValues>
      name="preferredSuppliers"
      label="Preferred suppliers"
      subject="The suppliers"
      optional
      disabled={disabled}
      description={`Type a name and press Enter. Up to ${MAX_PREFERRED_SUPPLIERS}.`}
    >
      {({ value, onChange, onBlur, ref, labelId, ...control }) => {
        const names = Array.isArray(value) ? (value as string[]) : [];
        const full = names.length >= MAX_PREFERRED_SUPPLIERS;
        const commit = () => {
          if (!draft.trim()) return;
          onChange(addSupplier(names, draft));
          setDraft('');
        };
        return (
          <div className="space-y-2">
            {names.length ? (
              <ul aria-label="Preferred suppliers" className="flex flex-wrap gap-1.5">
                {names.map((name) => (
                  <li
                    key={name}
                    className="inline-flex max-w-full items-center gap-1 rounded-full border border-border bg-muted py-0.5 pr-0.5 pl-2.5 text-caption"
                  >
                    <span className="truncate">{name}</span>
                    {disabled ? null : (
                      <button
                        type="button"
                        aria-label={`Remove ${name}`}
                        onClick={() => onChange(names.filter((n) => n !== name))}
                        className="focus-ring grid size-5 shrink-0 place-items-center rounded-full text-muted-foreground hover:bg-card hover:text-foreground"
                      >
                        <X aria-hidden="true" className="size-3.5" />
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            ) : null}
            {disabled ? null : (
              <InputControl
                {...control}
                ref={ref}
                value={draft}
                maxLength={locationLimits.supplier}
                placeholder={
                  full ? `${MAX_PREFERRED_SUPPLIERS} suppliers: remove one to add another` : 'Add a supplier'
                }
                disabled={full}
                onChange={(event) => setDraft(event.target.value.replace(',', ''))}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ',') {
                    event.preventDefault();
                    commit();
                  } else if (event.key === 'Backspace' && draft === '' && names.length) {
                    onChange(names.slice(0, -1));
                  }
                }}
                onBlur={() => {
                  commit();
                  onBlur();
                }}
              />
            )}
          </div>
        );
      }}
    </FormField>
  );
}
