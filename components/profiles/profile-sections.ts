import type { Permission } from '@/server/core/access/catalog';
import { type FlagValues, isModuleEnabled } from '@/server/modules/flags/catalog';
import type { ProfileSection } from './profile-section-nav';

/**
 * A section of a profile: its page is /profiles/[id]/<module> (the overview has none). It is
 * linked when the user holds `permission` and, for a module a feature flag gates (the flags
 * catalog says which), while that flag is on.
 */
export type SectionDefinition = Readonly<{ label: string; module?: string; permission?: Permission }>;

/** The profile's sections in the order the nav shows them; a gated module is one more line. */
export const profileSectionList: readonly SectionDefinition[] = [
  { label: 'Overview' },
  { label: 'Locations', module: 'locations', permission: 'locations.read' },
  { label: 'Reports', module: 'reports', permission: 'reports.read' },
  { label: 'API keys', module: 'api-keys', permission: 'api_keys.read' },
];

/** The sections of `definitions` this user may open on a profile with these flags. */
export function visibleSections(
  definitions: readonly SectionDefinition[],
  profileId: string,
  can: (permission: string) => boolean,
  flags: FlagValues,
): ProfileSection[] {
  const base = `/profiles/${profileId}`;
  return definitions.flatMap(({ label, module, permission }) => {
    if (permission && !can(permission)) return [];
    if (module && !isModuleEnabled(flags, module)) return [];
    return [module ? { label, href: `${base}/${module}` } : { label, href: base, exact: true }];
  });
}

/**
 * The sections of one profile the user may open, in the order the section nav shows them. Each
 * section is its own page under /profiles/[id]; a section the user lacks the permission for, or
 * whose module the profile's flags switch off, is not linked (its page refuses it too).
 */
export const profileSections = (profileId: string, can: (permission: string) => boolean, flags: FlagValues) =>
  visibleSections(profileSectionList, profileId, can, flags);
