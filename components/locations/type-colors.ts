import { type LocationType, locationTypeNames } from '@/server/modules/locations/catalog';

/**
 * One color per location type on the map and its legend (SVG fill attributes: the CSP forbids
 * inline styles). Chosen to stay apart from each other and readable on light and dark cards.
 */
const palette = [
  '#2563eb',
  '#db2777',
  '#16a34a',
  '#ca8a04',
  '#9333ea',
  '#0891b2',
  '#ea580c',
  '#4f46e5',
  '#0d9488',
  '#be123c',
] as const;

export const NO_TYPE_COLOR = '#64748b';

export const typeColors = Object.fromEntries(
  locationTypeNames.map((type, i) => [type, palette[i % palette.length]]),
) as Record<LocationType, string>;

export const typeColor = (type: string | null) =>
  (type && (typeColors as Record<string, string>)[type]) || NO_TYPE_COLOR;
