import 'server-only';

/** create, update, get, list and bulk status of business locations (REST #21-#24). */
export const locationProcedures = {};
