import 'server-only';
import { ids, type OperationExample, profile } from './fixtures';

/** The profiles module's REST examples (see server/rest/examples.ts). */
export const profilesExamples: Readonly<Record<string, OperationExample>> = {
  'profiles.get': { request: { profileId: ids.profile }, response: profile },
  'profiles.update': {
    request: { _id: ids.profile, participantTags: [{ tag: 'nat_gas_transportation_producer' }] },
    response: {
      ...profile,
      participantTags: [{ tag: 'nat_gas_transportation_producer', measurers: [], verifiers: [] }],
    },
  },
};
