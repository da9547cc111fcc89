import 'server-only';
import { router, userProcedure } from '@/server/core/trpc';
import { emptyInput, itemsOf } from '@/server/modules/auth/schemas';
import * as s from './schemas';
import { listMyOrganizations } from './services/list-my-organizations';

export const organizationsRouter = router({
  list: userProcedure
    .meta({
      permission: 'self',
      preload: 'memberships',
      rest: {
        method: 'GET',
        path: '/organizations',
        status: 200,
        auth: 'user',
        summary: 'List organizations available to the authenticated user, with the profiles they can see',
        tag: 'Organizations',
      },
    })
    .input(emptyInput.optional())
    .output(itemsOf(s.myOrganizationOutput))
    .query(({ ctx }) => listMyOrganizations(ctx)),
});
