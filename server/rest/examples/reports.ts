import 'server-only';
import { ids, type OperationExample, report, reportHash } from './fixtures';

/** The reports module's REST examples (see server/rest/examples.ts). */
export const reportsExamples: Readonly<Record<string, OperationExample>> = {
  'reports.list': {
    request: { profileId: ids.profile, search: 'RS-2026', limit: 50 },
    response: { items: [report], nextCursor: null },
  },
  'reports.get': { request: { _id: ids.report }, response: report },
  'reports.renderLocations': {
    request: { profileId: ids.profile, status: 'active' },
    response: {
      ...report,
      template: 'locations',
      title: 'Locations of Organization Profile Name',
      statementNumber: 'LI-2026-000001',
      verificationHash: '7c4a8d09ca3762af61e59520943dc26494f8941b7c4a8d09ca3762af61e59520',
      pageCount: 1,
    },
  },
  'reports.pdf': {
    request: { id: ids.report },
    response: { contentType: 'application/pdf', filename: 'RS-2026-000001.pdf', body: '%PDF-1.7 …' },
  },
  'reports.verify': { request: { hash: reportHash }, response: { hash: reportHash, valid: true } },
};
