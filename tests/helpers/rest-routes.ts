import { restRoutesOf } from '@/server/rest/procedures';
import { appRouter } from '@/server/routers';

export { REST_PREFIX } from '@/server/rest/register-routes';

/** Every REST route as the procedures' meta declares it, with the procedure's path. */
export const restRoutes = restRoutesOf(appRouter).map((route) => ({ ...route.rest, procedure: route.path }));
