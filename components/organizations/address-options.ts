import { countriesByName, usStateCodes, usStates } from '@/server/core/places/catalog';
import type { ComboboxOption } from '../ui/combobox';
import type { SelectOption } from '../ui/select';

/**
 * The address selects' options, from the catalog the server checks addresses with: countries by
 * their English name (found by name or by code), US states and territories by name.
 */
export const countryOptions: readonly ComboboxOption[] = countriesByName().map(({ code, name }) => ({
  value: code,
  label: name,
  keywords: [code],
}));

export const usStateOptions: readonly SelectOption[] = usStateCodes
  .map((code) => ({ value: code, label: usStates[code] }))
  .sort((a, b) => a.label.localeCompare(b.label, 'en'));
