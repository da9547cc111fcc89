'use client';

import type { SaveError } from '../../trpc/save-error';
import { Select } from '../../ui/select';
import { OrganizationPicker, ProfilePicker } from '../pickers';
import { scopeNames, useRoleCatalog } from '../roles';
import type { EntityType, RoleLinkInput } from '../types';

export type RoleLinkDraft = { roleCode: string; entityType: EntityType | ''; entityId: string };
export const emptyRoleLink: RoleLinkDraft = { roleCode: '', entityType: '', entityId: '' };

export type RoleLinkErrors = Partial<Record<keyof RoleLinkDraft, string>>;
type Errors = RoleLinkErrors;

const subjects: Record<keyof RoleLinkDraft, string> = {
  roleCode: 'The role',
  entityType: 'The level',
  entityId: 'The organization or profile',
};

/** The server's errors for the link at `prefix` ("roleLinks.0"), as sentences by field. */
export function roleLinkErrors(error: SaveError, prefix: string): Errors {
  const found: Errors = {};
  for (const key of Object.keys(subjects) as (keyof RoleLinkDraft)[]) {
    const text = error?.fields[`${prefix}.${key}`];
    if (text)
      found[key] = /^(is|must|needs) /.test(text)
        ? `${subjects[key]} ${text}.`
        : `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  }
  return found;
}

/** What is missing before the draft can be sent, by field; empty when it is complete. */
export function checkRoleLink(draft: RoleLinkDraft): Errors {
  if (!draft.roleCode) return { roleCode: 'Choose a role.' };
  if (!draft.entityType) return { entityType: 'Choose where the role applies.' };
  if (draft.entityType !== 'platform' && !draft.entityId)
    return { entityId: `Choose the ${draft.entityType === 'organization' ? 'organization' : 'profile'}.` };
  return {};
}

export const toRoleLinkInput = (draft: RoleLinkDraft): RoleLinkInput => ({
  roleCode: draft.roleCode as RoleLinkInput['roleCode'],
  entityType: draft.entityType as EntityType,
  entityId: draft.entityType === 'platform' ? undefined : draft.entityId,
});

/** A role, the level it is held at (only those the role allows), and the organization or profile. */
export function RoleLinkFields({
  value,
  onChange,
  errors = {},
}: {
  value: RoleLinkDraft;
  onChange: (next: RoleLinkDraft) => void;
  errors?: Errors;
}) {
  const catalog = useRoleCatalog();
  const role = catalog.data?.items.find((r) => r.code === value.roleCode);
  const scopes = (role?.scopes ?? []) as EntityType[];

  function chooseRole(roleCode: string) {
    const next = catalog.data?.items.find((r) => r.code === roleCode);
    const allowed = (next?.scopes ?? []) as EntityType[];
    const entityType =
      value.entityType && allowed.includes(value.entityType) ? value.entityType : (allowed[0] ?? '');
    onChange({ roleCode, entityType, entityId: entityType === value.entityType ? value.entityId : '' });
  }

  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Select
          label="Role"
          value={value.roleCode}
          onChange={(e) => chooseRole(e.target.value)}
          error={errors.roleCode}
          disabled={!catalog.data}
        >
          <option value="">Choose a role…</option>
          {catalog.data?.items.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name} ({r.code})
            </option>
          ))}
        </Select>
        <Select
          label="Held at"
          value={value.entityType}
          onChange={(e) => onChange({ ...value, entityType: e.target.value as EntityType, entityId: '' })}
          error={errors.entityType}
          disabled={scopes.length < 2}
          hint={
            role ? `${role.name} can be held at: ${scopes.map((s) => scopeNames[s]).join(', ')}.` : undefined
          }
        >
          {scopes.length === 0 ? <option value="">Choose a role first</option> : null}
          {scopes.map((scope) => (
            <option key={scope} value={scope}>
              {scopeNames[scope]}
            </option>
          ))}
        </Select>
      </div>
      {value.entityType === 'organization' ? (
        <OrganizationPicker
          label="Organization"
          value={value.entityId}
          onChange={(entityId) => onChange({ ...value, entityId })}
          error={errors.entityId}
        />
      ) : null}
      {value.entityType === 'organization_profile' ? (
        <ProfilePicker
          label="Profile"
          value={value.entityId}
          onChange={(entityId) => onChange({ ...value, entityId })}
          error={errors.entityId}
        />
      ) : null}
    </div>
  );
}
