import type { ProfileSection } from './profile-section-nav';

/**
 * The sections of one profile the user may open, in the order the section nav shows them. Each
 * section is its own page under /profiles/[id]; a section the user lacks the permission for is not
 * linked (its page refuses it too).
 */
export function profileSections(profileId: string, can: (permission: string) => boolean): ProfileSection[] {
  const base = `/profiles/${profileId}`;
  const sections: ProfileSection[] = [{ label: 'Overview', href: base, exact: true }];
  if (can('locations.read')) sections.push({ label: 'Locations', href: `${base}/locations` });
  if (can('api_keys.read')) sections.push({ label: 'API keys', href: `${base}/api-keys` });
  return sections;
}
