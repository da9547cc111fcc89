import { z } from 'zod';
import { type FeatureFlag, featureFlagNames } from './catalog';

/**
 * `{GHGP: true, BOOK_AND_CLAIM: false}`: a profile's flags that are set, by name; an unset flag is
 * absent. Its own file (zod and the catalog only), so the identity and organization schemas that
 * show a profile's flags can import it without a cycle through the flags' input schemas.
 */
export const flagValuesOutput = z
  .partialRecord(z.enum(featureFlagNames as [FeatureFlag, ...FeatureFlag[]]), z.boolean())
  .describe('the feature flags set on the profile, by name (absent: not set); {} without flags.read');
