import type { DataTableSort } from '../data-table';

// Sample data for /dev/ui. A seeded generator, so the server's HTML and the browser's first
// render agree (no hydration mismatch).

export type FakeOrganization = {
  id: string;
  name: string;
  type: 'producer' | 'pipeline' | 'buyer';
  status: 'active' | 'invited' | 'archived';
  country: string;
  locations: number;
  /** methane intensity, % */
  intensity: number;
  updated: string;
};

export const typeLabels = { producer: 'Producer', pipeline: 'Pipeline', buyer: 'Buyer' } as const;
export const statusLabels = { active: 'Active', invited: 'Invited', archived: 'Archived' } as const;

function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

const first = ['Permian', 'Eagle Ford', 'Marcellus', 'Haynesville', 'Bakken', 'Anadarko', 'Utica', 'Barnett'];
const second = ['Basin', 'Ridge', 'Valley', 'Prairie', 'Creek', 'Mesa', 'Hills', 'Plains', 'River'];
const third = ['Gas Co.', 'Midstream', 'Energy', 'Resources', 'Pipeline LLC', 'Partners', 'Operating'];
const countries = ['United States', 'Canada', 'Mexico'];

export const organizations: FakeOrganization[] = (() => {
  const random = seeded(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  return Array.from({ length: 132 }, (_, index) => {
    const day = 1 + Math.floor(random() * 28);
    const month = 1 + Math.floor(random() * 12);
    return {
      id: `org_${String(index + 1).padStart(3, '0')}`,
      name: `${pick(first)} ${pick(second)} ${pick(third)}`,
      type: pick(['producer', 'producer', 'pipeline', 'buyer'] as const),
      status: pick(['active', 'active', 'active', 'invited', 'archived'] as const),
      country: pick(countries),
      locations: Math.floor(random() * 480),
      intensity: Math.round(random() * 0.4 * 10_000) / 10_000,
      updated: `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    };
  });
})();

export type FakeQuery = {
  page: number;
  pageSize: number;
  sort: DataTableSort;
  query: string;
  filters: { status?: string; type?: string };
  /** what the fake server does: answer, answer slowly, fail, or have nothing */
  behaviour: 'normal' | 'slow' | 'fail' | 'empty';
};

/** Does on the "server" what a list procedure does: filter, sort, count, cut a page. */
export async function fetchOrganizations(
  input: FakeQuery,
): Promise<{ rows: FakeOrganization[]; total: number }> {
  await new Promise((resolve) => setTimeout(resolve, input.behaviour === 'slow' ? 2500 : 350));
  if (input.behaviour === 'fail') throw new TypeError('Failed to fetch');
  if (input.behaviour === 'empty') return { rows: [], total: 0 };
  const needle = input.query.toLowerCase();
  let rows = organizations.filter(
    (org) =>
      (!input.filters.status || org.status === input.filters.status) &&
      (!input.filters.type || org.type === input.filters.type) &&
      (!needle || org.name.toLowerCase().includes(needle) || org.id.includes(needle)),
  );
  const sort = input.sort;
  if (sort) {
    const key = sort.id as keyof FakeOrganization;
    rows = [...rows].sort((a, b) => {
      const order = a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0;
      return sort.desc ? -order : order;
    });
  }
  const start = (input.page - 1) * input.pageSize;
  return { rows: rows.slice(start, start + input.pageSize), total: rows.length };
}

export const countryOptions = [
  { value: 'US', label: 'United States', keywords: ['USA', 'America'] },
  { value: 'CA', label: 'Canada' },
  { value: 'MX', label: 'Mexico' },
  { value: 'GB', label: 'United Kingdom', keywords: ['UK', 'Britain', 'England'] },
  { value: 'NO', label: 'Norway' },
  { value: 'NL', label: 'Netherlands', keywords: ['Holland'] },
  { value: 'DE', label: 'Germany', keywords: ['Deutschland'] },
  { value: 'QA', label: 'Qatar' },
  { value: 'AU', label: 'Australia' },
  { value: 'AR', label: 'Argentina' },
  { value: 'BR', label: 'Brazil' },
  { value: 'JP', label: 'Japan' },
].map((country) => ({ ...country, hint: country.value }));

export const usStates = [
  { value: 'TX', label: 'Texas' },
  { value: 'PA', label: 'Pennsylvania' },
  { value: 'LA', label: 'Louisiana' },
  { value: 'ND', label: 'North Dakota' },
  { value: 'NM', label: 'New Mexico' },
  { value: 'OK', label: 'Oklahoma' },
  { value: 'WV', label: 'West Virginia' },
];
