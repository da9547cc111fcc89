import { basinNames, locationTypes } from '@/server/modules/locations/catalog';
import type { FilterBarMenu, FilterBarSearch } from '../ui/data-table';
import { stateOptions } from '../words';
import type { LocationFilterKey } from './location-url-filters';

/** The locations lists' search box (the dashboard's and the console's). */
export const locationSearch: FilterBarSearch = {
  chip: 'Search',
  label: 'Search locations by name or code',
  placeholder: 'Name or code',
};

/** The locations lists' filter menus, in toolbar order. */
export const locationFilterMenus: readonly FilterBarMenu<LocationFilterKey>[] = [
  { key: 'status', label: 'Status', options: stateOptions('location') },
  {
    key: 'type',
    label: 'Type',
    options: Object.entries(locationTypes).map(([value, label]) => ({ value, label })),
  },
  { key: 'basin', label: 'Basin', options: basinNames.map((name) => ({ value: name, label: name })) },
];
