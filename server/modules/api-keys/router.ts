import 'server-only';
import { restShapes } from '@/server/core/meta';
import { router, userProcedure } from '@/server/core/trpc';
import * as s from './schemas';
import { revokeApiKey, rotateApiKey } from './services/change-key';
import { createApiKey } from './services/create-key';
import { listApiKeys } from './services/list-keys';

const rest = restShapes('API keys');

/** #13, #14: a profile's keys, managed by people only (a key never makes or changes keys). */
export const apiKeysRouter = router({
  create: userProcedure
    .meta({
      permission: 'api_keys.write',
      rest: rest.post(
        '/api-keys/create',
        'Create an API key for a given organization profile (the clientKey is shown only in this answer)',
        { status: 201, secret: true },
      ),
    })
    .input(s.apiKeyCreateInput)
    .output(s.apiKeySecretOutput)
    .mutation(({ ctx, input }) => createApiKey(ctx, input)),
  list: userProcedure
    .meta({
      permission: 'api_keys.read',
      rest: rest.post(
        '/api-keys/list',
        'List API keys for a given organization profile (never their secrets)',
      ),
    })
    .input(s.apiKeyListInput)
    .output(s.apiKeyListOutput)
    .query(({ ctx, input }) => listApiKeys(ctx, input)),
  revoke: userProcedure
    .meta({
      permission: 'api_keys.write',
      rest: rest.post('/api-keys/revoke', 'Revoke an API key (refused from its next request; idempotent)'),
    })
    .input(s.apiKeyRefInput)
    .output(s.apiKeyOutput)
    .mutation(({ ctx, input }) => revokeApiKey(ctx, input)),
  rotate: userProcedure
    .meta({
      permission: 'api_keys.write',
      rest: rest.post(
        '/api-keys/rotate',
        'Rotate an API key: a new clientKey, shown once; the old one dead at once',
        {
          secret: true,
        },
      ),
    })
    .input(s.apiKeyRefInput)
    .output(s.apiKeySecretOutput)
    .mutation(({ ctx, input }) => rotateApiKey(ctx, input)),
});
