import 'server-only';
import { restShapes } from '@/server/core/meta';
import { router, userProcedure } from '@/server/core/trpc';
import * as s from '@/server/modules/api-keys/schemas';
import { revokeApiKeyAsAdmin } from '@/server/modules/api-keys/services/change-key';
import { listApiKeysForAdmin } from '@/server/modules/api-keys/services/list-keys';

const rest = restShapes('Admin');

/** Any profile's keys, admin-scoped ones included; admins create keys through apiKeys.create. */
export const adminApiKeysRouter = router({
  list: userProcedure
    .meta({
      permission: 'admin.read',
      rest: rest.post('/admin/api-keys/list', "A profile's API keys (never their secrets)"),
    })
    .input(s.apiKeyListInput)
    .output(s.apiKeyListOutput)
    .query(({ ctx, input }) => listApiKeysForAdmin(ctx, input)),
  revoke: userProcedure
    .meta({
      permission: 'admin.write',
      rest: rest.post('/admin/api-keys/revoke', "Revoke any profile's API key (idempotent)"),
    })
    .input(s.apiKeyRefInput)
    .output(s.apiKeyOutput)
    .mutation(({ ctx, input }) => revokeApiKeyAsAdmin(ctx, input)),
});
