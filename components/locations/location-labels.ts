import { locationTypes } from '@/server/modules/locations/catalog';

/** A type's human label; a type the catalog no longer has is shown as stored. */
export const locationTypeLabel = (type: string | null | undefined) =>
  type ? ((locationTypes as Record<string, string>)[type] ?? type) : '—';
