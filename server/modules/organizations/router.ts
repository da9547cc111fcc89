import 'server-only';
import { restShapes } from '@/server/core/meta';
import { router, userProcedure } from '@/server/core/trpc';
import { emptyInput, itemsOf } from '@/server/modules/auth/schemas';
import * as s from './schemas';
import { listMyOrganizations } from './services/list-my-organizations';

const rest = restShapes('Organizations');

export const organizationsRouter = router({
  list: userProcedure
    .meta({
      permission: 'self',
      preload: 'memberships',
      rest: rest.get(
        '/organizations',
        'List organizations available to the authenticated user, with the profiles they can see',
      ),
    })
    .input(emptyInput.optional())
    .output(itemsOf(s.myOrganizationOutput))
    .query(({ ctx }) => listMyOrganizations(ctx)),
});
