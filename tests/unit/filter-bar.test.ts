import { describe, expect, it, vi } from 'vitest';
import { locationFilterMenus, locationSearch } from '@/components/locations/location-filter-bar';
import { filterBarProps, type TableUrlState } from '@/components/ui/data-table';

type Key = 'status' | 'type' | 'basin';

function urlState(query: string, filters: Partial<Record<Key, string>>): TableUrlState<Key> {
  return {
    page: 1,
    pageSize: 25,
    sort: null,
    query,
    filters,
    onChange: vi.fn(),
    setFilter: vi.fn(),
    setFilters: vi.fn(),
    clearFilters: vi.fn(),
    setQuery: vi.fn(),
  };
}

describe('filterBarProps', () => {
  it('shows a chip per active filter with the choice label, in toolbar order, and the search first', () => {
    const url = urlState('tx', { basin: 'Permian', type: 'buying', status: 'archive' });
    const { filters } = filterBarProps(url, locationSearch, locationFilterMenus);
    expect(filters).toEqual([
      { id: 'q', label: 'Search', value: 'tx' },
      { id: 'status', label: 'Status', value: 'Archived' },
      { id: 'type', label: 'Type', value: 'Buying point' },
      { id: 'basin', label: 'Basin', value: 'Permian' },
    ]);
  });

  it('gives no chip to a URL value none of the choices has, and reads parsed values when given', () => {
    const url = urlState('', { type: 'teleport', basin: 'permian' });
    expect(filterBarProps(url, locationSearch, locationFilterMenus).filters).toEqual([]);
    expect(filterBarProps(url, locationSearch, locationFilterMenus, { basin: 'Permian' }).filters).toEqual([
      { id: 'basin', label: 'Basin', value: 'Permian' },
    ]);
  });

  it('removes the search with setQuery, a filter with setFilter(key, null), and clears all', () => {
    const url = urlState('tx', { status: 'active' });
    const bar = filterBarProps(url, locationSearch, locationFilterMenus);
    bar.onRemoveFilter('q');
    expect(url.setQuery).toHaveBeenCalledWith('');
    bar.onRemoveFilter('status');
    expect(url.setFilter).toHaveBeenCalledWith('status', null);
    bar.onClearFilters();
    expect(url.clearFilters).toHaveBeenCalled();
  });
});
