import { z } from 'zod';
import { uuidSchema } from '@/server/modules/auth/schemas';
import { type FeatureFlag, featureFlagNames } from './catalog';
import { flagValuesOutput } from './flag-values';

export { flagValuesOutput };

/** Inputs and outputs of the flags procedures (#15 and flags.get); one definition each. */

const flagNames = featureFlagNames as [FeatureFlag, ...FeatureFlag[]];
const known = featureFlagNames.join(', ');

export const flagNameSchema = z.enum(flagNames, { error: `must be a known feature flag: ${known}` });

const flagChange = z.strictObject({
  flag: flagNameSchema,
  value: z
    .boolean({ error: 'must be true, false or null' })
    .nullable()
    .describe('true or false sets the flag; null removes it'),
});

/** #15: each entry sets (true/false) or removes (null) one flag; a flag named twice is refused. */
export const setFlagsInput = z.strictObject({
  profileId: uuidSchema,
  flags: z
    .array(flagChange)
    .min(1)
    .max(100)
    .superRefine((changes, ctx) => {
      const seen = new Set<string>();
      changes.forEach((change, i) => {
        if (seen.has(change.flag))
          ctx.addIssue({ code: 'custom', path: [i, 'flag'], message: 'is listed twice' });
        seen.add(change.flag);
      });
    }),
});

export const profileFlagsOutput = z.object({ profileId: z.string(), flags: flagValuesOutput });
