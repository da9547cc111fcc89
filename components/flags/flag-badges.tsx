import { type FlagValues, featureFlagNames, featureFlags } from '@/server/modules/flags/catalog';
import { Badge } from '../ui/badge';

/** The flags switched on for a profile, as badges (nothing when none is on). */
export function FlagBadges({ flags }: { flags: FlagValues }) {
  const on = featureFlagNames.filter((flag) => flags[flag] === true);
  if (on.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label="Modules switched on">
      {on.map((flag) => (
        <li key={flag}>
          <Badge tone="blue">{featureFlags[flag].name}</Badge>
        </li>
      ))}
    </ul>
  );
}
