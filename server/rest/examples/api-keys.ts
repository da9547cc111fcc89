import 'server-only';
import { apiKey, apiKeySecret, ids, later, type OperationExample } from './fixtures';

/** The apiKeys module's REST examples (see server/rest/examples.ts). */
export const apiKeysExamples: Readonly<Record<string, OperationExample>> = {
  'apiKeys.create': { request: { profileId: ids.profile }, response: apiKeySecret },
  'apiKeys.list': { request: { profileId: ids.profile }, response: { items: [apiKey] } },
  'apiKeys.revoke': {
    request: { profileId: ids.profile, _id: ids.apiKey },
    response: { ...apiKey, revokedAt: later },
  },
  'apiKeys.rotate': {
    request: { profileId: ids.profile, _id: ids.apiKey },
    response: { ...apiKeySecret, clientKey: 'ck_example_N3wRandomBase64UrlKeyOf32BytesAbC987' },
  },
};
