import 'server-only';

/** CSV import (as a job) and export of a profile's business locations (REST #49). */
export const bulkProcedures = {};
