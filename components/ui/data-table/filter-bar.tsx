'use client';

import { FilterMenu, type FilterOption, TableSearch } from './filters';
import type { DataTableFilterChip } from './types';
import type { TableUrlState } from './use-table-url-state';

/** The search box of a list: its chip's label, and the box's accessible label and placeholder. */
export type FilterBarSearch = Readonly<{ chip: string; label: string; placeholder: string }>;

/** One filter menu: the URL key it sets, its label and its choices (the chip shows the choice's label). */
export type FilterBarMenu<TFilter extends string> = Readonly<{
  key: TFilter;
  label: string;
  options: readonly FilterOption[];
}>;

/**
 * A list's search box and filter menus, declared once: the toolbar, the chips of the active
 * filters and their remove and clear actions, as DataTable props. A URL value that is none of a
 * menu's choices is no filter (the list ignores it too), so it gets no chip.
 */
export function filterBarProps<TFilter extends string>(
  url: TableUrlState<TFilter>,
  search: FilterBarSearch | null,
  menus: readonly FilterBarMenu<TFilter>[],
  /** the filters in force when the list reads the URL through its own parser (else the URL's) */
  values: Partial<Record<TFilter, string>> = url.filters,
) {
  const filters: DataTableFilterChip[] = [];
  if (search && url.query) filters.push({ id: 'q', label: search.chip, value: url.query });
  for (const menu of menus) {
    const chosen = menu.options.find((option) => option.value === values[menu.key]);
    if (chosen) filters.push({ id: menu.key, label: menu.label, value: chosen.label });
  }
  return {
    filters,
    onRemoveFilter: (id: string) => (id === 'q' ? url.setQuery('') : url.setFilter(id as TFilter, null)),
    onClearFilters: url.clearFilters,
    toolbar: (
      <>
        {search ? (
          <TableSearch
            value={url.query}
            onChange={url.setQuery}
            label={search.label}
            placeholder={search.placeholder}
          />
        ) : null}
        {menus.map((menu) => (
          <FilterMenu
            key={menu.key}
            label={menu.label}
            options={menu.options}
            value={values[menu.key] ?? null}
            onChange={(value) => url.setFilter(menu.key, value)}
          />
        ))}
      </>
    ),
  };
}
