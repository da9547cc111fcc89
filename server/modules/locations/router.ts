import 'server-only';
import { router } from '@/server/core/trpc';
import { bulkProcedures } from './bulk/procedures';
import { locationProcedures } from './procedures';

/** Business locations: one at a time (procedures.ts) and in bulk, CSV import and export (bulk/). */
export const locationsRouter = router({ ...locationProcedures, ...bulkProcedures });
