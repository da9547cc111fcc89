import { describe, expect, it } from 'vitest';
import {
  profileSectionList,
  profileSections,
  type SectionDefinition,
  visibleSections,
} from '@/components/profiles/profile-sections';
import { featureFlags, flagOfModule, isModuleEnabled, knownFlags } from '@/server/modules/flags/catalog';

/** "The UI hides modules whose flag is off": the one rule, and the profile sections that use it. */
describe('isModuleEnabled', () => {
  it('turns a gated module on only while its flag is true', () => {
    expect(isModuleEnabled({ GHGP: true }, 'ghgp')).toBe(true);
    expect(isModuleEnabled({ GHGP: false }, 'ghgp')).toBe(false);
    expect(isModuleEnabled({}, 'ghgp')).toBe(false);
    expect(isModuleEnabled({ GHGP: true }, 'certificates')).toBe(false);
    expect(isModuleEnabled({ BOOK_AND_CLAIM: true }, 'certificates')).toBe(true);
  });

  it('keeps a module no flag gates always on', () => {
    expect(isModuleEnabled({}, 'locations')).toBe(true);
    // retirement statements and the locations inventory are not GHGP's (its Scope 3 report is 'ghgp')
    expect(isModuleEnabled({ GHGP: false }, 'reports')).toBe(true);
    expect(isModuleEnabled({ GHGP: false, BOOK_AND_CLAIM: false }, 'api-keys')).toBe(true);
  });

  it('reads the gate from the catalog', () => {
    for (const [flag, entry] of Object.entries(featureFlags))
      for (const module of entry.modules) expect(flagOfModule(module)).toBe(flag);
    expect(flagOfModule('locations')).toBeUndefined();
  });

  it('keeps only catalog flags of what the database holds', () => {
    expect(knownFlags({ GHGP: true, RETIRED_FLAG: true, BOOK_AND_CLAIM: false })).toEqual({
      GHGP: true,
      BOOK_AND_CLAIM: false,
    });
  });
});

describe('profile sections', () => {
  const everything = () => true;
  const withScope3: SectionDefinition[] = [
    ...profileSectionList,
    { label: 'Scope 3', module: 'ghgp', permission: 'reports.read' },
  ];
  const labels = (sections: { label: string }[]) => sections.map((s) => s.label);

  it('hides a gated section while its flag is off or unset, and shows it when on', () => {
    expect(labels(visibleSections(withScope3, 'p1', everything, {}))).toEqual([
      'Overview',
      'Locations',
      'Reports',
      'API keys',
    ]);
    expect(labels(visibleSections(withScope3, 'p1', everything, { GHGP: false }))).not.toContain('Scope 3');
    expect(visibleSections(withScope3, 'p1', everything, { GHGP: true }).at(-1)).toEqual({
      label: 'Scope 3',
      href: '/profiles/p1/ghgp',
    });
  });

  it('still needs the permission for a section whose flag is on', () => {
    const onlyReportsOff = (p: string) => p !== 'reports.read';
    expect(labels(visibleSections(withScope3, 'p1', onlyReportsOff, { GHGP: true }))).toEqual([
      'Overview',
      'Locations',
      'API keys',
    ]);
  });

  it('links the ungated sections by permission whatever the flags', () => {
    expect(profileSections('p1', (p) => p === 'locations.read', { GHGP: false })).toEqual([
      { label: 'Overview', href: '/profiles/p1', exact: true },
      { label: 'Locations', href: '/profiles/p1/locations' },
    ]);
    expect(profileSections('p1', (p) => p === 'reports.read', {})).toEqual([
      { label: 'Overview', href: '/profiles/p1', exact: true },
      { label: 'Reports', href: '/profiles/p1/reports' },
    ]);
  });
});
