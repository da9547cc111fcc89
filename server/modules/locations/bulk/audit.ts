import type { AuditActionWords } from '@/server/modules/catalog';

/** The CSV import's and export's audit actions; locations/audit.ts puts them in the module's table. */
export const bulkLocationAuditActions = {
  'location.imported': { label: 'Imported locations from a CSV file', phrase: 'imported locations into' },
  'location.exported': { label: 'Exported locations as a CSV file', phrase: 'exported the locations of' },
} as const satisfies Record<string, AuditActionWords>;
