import type { z } from 'zod';
import { canGrant, roleName } from '@/components/organizations/roles';
import {
  isDefaultRole,
  ORGANIZATION_ADMIN,
  ORGANIZATION_MEMBER,
  type RoleCode,
} from '@/server/core/access/catalog';
import {
  KEEP_ROLES,
  type memberRolesFormSchema,
  NO_ROLE,
  organizationRoleChoices,
  profileRoleChoices,
} from '@/server/modules/members/schemas';

/**
 * The role choice in words that say what each role lets someone do in the console today, and
 * nothing it does not have yet. Codes stay in the API; names come from the role catalog.
 */
export const organizationRoleOptions = (held: readonly string[]) =>
  organizationRoleChoices.map((code) => ({
    value: code,
    label: code === ORGANIZATION_ADMIN ? 'Administrator of the organization' : 'Member',
    hint:
      code === ORGANIZATION_ADMIN
        ? 'Invites and removes members, sets their roles, edits every profile and reads the activity log.'
        : 'Sees the organization, its profiles and its members.',
    disabled: !canGrant(code, held),
  }));

const profileChoiceLabel: Record<(typeof profileRoleChoices)[number], string> = {
  'basic.viewer': 'Viewer',
  'basic.editor': 'Editor',
  'basic.admin': 'Administrator of the profile',
};

/** What each profile choice means, shown once under the profile list. */
export const profileChoiceHints = [
  ['Viewer', 'sees the profile.'],
  ['Editor', 'sees the profile; the editing it will grant (locations, reports) is not in the console yet.'],
  ['Administrator of the profile', 'edits its details and participant tags.'],
] as const;

/** The options of one profile's select: none, the three roles, and what they hold now when it is none of those. */
export function profileRoleOptions(held: readonly string[], current: readonly string[] = []) {
  const options: { value: string; label: string; disabled?: boolean }[] = [
    { value: NO_ROLE, label: 'No role' },
    ...profileRoleChoices.map((code) => ({
      value: code,
      label: profileChoiceLabel[code],
      disabled: !canGrant(code, held) && !(current.length === 1 && current[0] === code),
    })),
  ];
  if (choiceOf(current) === KEEP_ROLES)
    options.push({ value: KEEP_ROLES, label: `Keep: ${current.map(roleName).join(', ')}` });
  return options;
}

type Choice = z.infer<typeof memberRolesFormSchema>['allProfiles'];

/** The select's value for the codes held on one entity: none, one of the three, or "keep" for any other set. */
export function choiceOf(codes: readonly string[]): Choice {
  if (codes.length === 0) return NO_ROLE;
  if (codes.length === 1 && (profileRoleChoices as readonly string[]).includes(codes[0]!))
    return codes[0] as Choice;
  return KEEP_ROLES;
}

/** The codes to send for a choice; undefined keeps what is held (nothing sent for it). */
export function codesOf(choice: Choice): RoleCode[] | undefined {
  if (choice === KEEP_ROLES) return undefined;
  return choice === NO_ROLE ? [] : [choice];
}

/** One organization role: administrator wins over member when both are held (the old editor allowed it). */
export function organizationRoleOf(codes: readonly string[]) {
  return codes.includes(ORGANIZATION_ADMIN) ? ORGANIZATION_ADMIN : ORGANIZATION_MEMBER;
}

/** "Organization administrator · Profile editor (every profile)": exactly the roles held, in the catalog's words. */
export function organizationRolesText(codes: readonly string[]) {
  const own = codes.filter(isDefaultRole).map(roleName);
  const everywhere = codes.filter((c) => !isDefaultRole(c)).map((c) => `${roleName(c)} (every profile)`);
  const all = [...own, ...everywhere];
  return all.length ? all.join(', ') : 'No organization role';
}
