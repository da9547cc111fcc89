/**
 * The feature flag catalog: a flag switches a product module on for one profile. Adding a flag is
 * adding an entry here (`name` is its label on screens); `modules` names the dashboard modules it gates (hidden while it is off).
 */
export const featureFlags = {
  GHGP: {
    name: 'GHG Protocol reporting',
    description: 'Greenhouse Gas Protocol reporting: the Scope 3 report built from measured supply',
    modules: ['ghgp'],
  },
  BOOK_AND_CLAIM: {
    name: 'Book and claim',
    description: 'Book and claim: certificates of measured low-methane gas, their transfer and retirement',
    modules: ['certificates'],
  },
} as const satisfies Record<string, { name: string; description: string; modules: readonly string[] }>;

export type FeatureFlag = keyof typeof featureFlags;
export const featureFlagNames = Object.keys(featureFlags) as FeatureFlag[];
export const isFeatureFlag = (name: string): name is FeatureFlag => Object.hasOwn(featureFlags, name);

/** A profile's flags as the API returns them: only the flags that are set. */
export type FlagValues = Partial<Record<FeatureFlag, boolean>>;

/** A dashboard module some flag gates ('ghgp', 'certificates'). */
export type GatedModule = (typeof featureFlags)[FeatureFlag]['modules'][number];

/** The flag that gates a module, if any: read from the catalog, so a module is gated in one place. */
export function flagOfModule(module: string): FeatureFlag | undefined {
  return featureFlagNames.find((flag) => (featureFlags[flag].modules as readonly string[]).includes(module));
}

/**
 * Whether the UI shows a module for a profile with these flags: a module a flag gates is on only
 * while that flag is true (unset and false both hide it); a module no flag gates is always on.
 */
export function isModuleEnabled(flags: FlagValues, module: string): boolean {
  const flag = flagOfModule(module);
  return flag === undefined || flags[flag] === true;
}

/**
 * Only the catalog's flags of what the database holds, in the catalog's order: a flag dropped
 * from the catalog keeps its rows until a migration removes them, and must not reach callers.
 */
export function knownFlags(values: Readonly<Record<string, boolean>>): FlagValues {
  const known: FlagValues = {};
  for (const flag of featureFlagNames) if (typeof values[flag] === 'boolean') known[flag] = values[flag];
  return known;
}
