/**
 * The feature flag catalog: a flag switches a product module on for one profile. Adding a flag is
 * adding an entry here; `modules` names the dashboard modules it gates (hidden while it is off).
 */
export const featureFlags = {
  GHGP: {
    description: 'Greenhouse Gas Protocol reporting: the Scope 3 report built from measured supply',
    modules: ['reports'],
  },
  BOOK_AND_CLAIM: {
    description: 'Book and claim: certificates of measured low-methane gas, their transfer and retirement',
    modules: ['certificates'],
  },
} as const satisfies Record<string, { description: string; modules: readonly string[] }>;

export type FeatureFlag = keyof typeof featureFlags;
export const featureFlagNames = Object.keys(featureFlags) as FeatureFlag[];
export const isFeatureFlag = (name: string): name is FeatureFlag => Object.hasOwn(featureFlags, name);

/** A profile's flags as the API returns them: only the flags that are set. */
export type FlagValues = Partial<Record<FeatureFlag, boolean>>;
