'use client';

import { useEffect, useRef } from 'react';
import { type FieldValues, type Path, useController, useFormContext, useWatch } from 'react-hook-form';
import type { RoleLinkDraft } from '@/server/modules/admin/users/schemas';
import { fieldMessage, SelectField } from '../../ui/form-field';
import { OrganizationPicker, ProfilePicker } from '../pickers';
import { scopeNames, useRoleCatalog } from '../roles';
import type { EntityType } from '../types';

export const emptyRoleLink: RoleLinkDraft = { roleCode: '', entityType: '', entityId: '' };

/**
 * The organization or profile of a role link, on the admin pickers (a search that narrows a
 * select), wired to the form: its error is the schema's, gone once a record is chosen.
 */
function EntityPickerField({ name, kind }: { name: string; kind: 'organization' | 'organization_profile' }) {
  const { control, clearErrors } = useFormContext();
  const { field, fieldState } = useController({ name, control });
  const label = kind === 'organization' ? 'Organization' : 'Profile';
  const props = {
    label,
    value: typeof field.value === 'string' ? field.value : '',
    onChange: (id: string) => {
      if (fieldState.error) clearErrors(name);
      field.onChange(id);
    },
    error: fieldMessage(fieldState.error?.message, label),
  };
  return kind === 'organization' ? <OrganizationPicker {...props} /> : <ProfilePicker {...props} />;
}

/**
 * A role, the level it is held at (only those the role allows), and the organization or profile,
 * as the fields `${prefix}.roleCode` … of the surrounding ZodForm (roleLinkFormSchema). Roles read
 * by their names; the code stays for the detail view.
 */
export function RoleLinkFields<T extends FieldValues>({ prefix }: { prefix: string }) {
  const catalog = useRoleCatalog();
  const { control, setValue, getValues } = useFormContext<T>();
  const at = (part: keyof RoleLinkDraft) => `${prefix}.${part}` as Path<T>;
  const roleCode = useWatch({ control, name: at('roleCode') }) as string;
  const entityType = useWatch({ control, name: at('entityType') }) as EntityType | '';
  const role = catalog.data?.items.find((r) => r.code === roleCode);
  const scopes = (role?.scopes ?? []) as EntityType[];

  // a new role keeps the level when it allows it, else takes its first; the record goes with the level
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the role or the catalog changes
  useEffect(() => {
    if (!role) return;
    const current = getValues(at('entityType')) as EntityType | '';
    if (current && scopes.includes(current)) return;
    setValue(at('entityType'), (scopes[0] ?? '') as never);
    setValue(at('entityId'), '' as never);
  }, [roleCode, catalog.data]);

  // another level needs another record
  const shownType = useRef(entityType);
  useEffect(() => {
    if (shownType.current !== entityType && getValues(at('entityId'))) setValue(at('entityId'), '' as never);
    shownType.current = entityType;
  });

  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField<T>
          name={at('roleCode')}
          label="Role"
          placeholder={catalog.data ? 'Choose a role' : 'Loading roles…'}
          options={(catalog.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
        />
        <SelectField<T>
          name={at('entityType')}
          label="Held at"
          subject="Where the role applies"
          placeholder={role ? 'Choose a level' : 'Choose a role first'}
          description={
            role ? `${role.name} can be held at: ${scopes.map((s) => scopeNames[s]).join(', ')}.` : undefined
          }
          options={scopes.map((scope) => ({ value: scope, label: scopeNames[scope] }))}
        />
      </div>
      {entityType === 'organization' || entityType === 'organization_profile' ? (
        <EntityPickerField key={entityType} name={at('entityId')} kind={entityType} />
      ) : null}
    </div>
  );
}
