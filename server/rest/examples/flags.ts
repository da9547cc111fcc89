import 'server-only';
import { ids, type OperationExample } from './fixtures';

/** The flags module's REST examples (see server/rest/examples.ts). */
export const flagsExamples: Readonly<Record<string, OperationExample>> = {
  'flags.set': {
    request: {
      profileId: ids.profile,
      flags: [
        { flag: 'GHGP', value: true },
        { flag: 'BOOK_AND_CLAIM', value: null },
      ],
    },
    response: { profileId: ids.profile, flags: { GHGP: true } },
  },
  'flags.get': {
    request: { profileId: ids.profile },
    response: { profileId: ids.profile, flags: { GHGP: true } },
  },
};
