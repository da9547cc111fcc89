import type { AuditTable } from '@/server/modules/catalog';

/** The reports module's audit actions, worded for the admin console and the organization's activity. */
export const reportsAudit = {
  group: 'Everything about reports',
  actions: {
    'report.rendered': { label: 'Rendered a report', phrase: 'rendered the report' },
    'report.voided': { label: 'Voided a report', phrase: 'voided the report' },
    'report.render.failed': { label: 'A report failed to render', phrase: 'could not render the report' },
  },
} as const satisfies AuditTable;
