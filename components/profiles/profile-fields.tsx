'use client';

import { useController, useFormContext } from 'react-hook-form';
import { fieldLimits, type ProfileFormValues } from '@/server/modules/organizations/schemas';
import { participantTypeCodes } from '@/server/modules/profiles/catalog';
import { IdentifierFields } from '../organizations/identifier-fields';
import { messagesAt } from '../trpc/save-error';
import { Checkbox } from '../ui/checkbox';
import { FieldError } from '../ui/field-error';
import { TextField } from '../ui/form-field';
import { typeName } from './participant-catalog';
import { ParticipantTagsEditor, type TagEntry } from './participant-tags-editor';

type ProfileValues = {
  name: string;
  taxId: string;
  duns: string;
  participantTypes?: string[];
  participantTags: TagEntry[];
};

/** A profile's values for its form (a copy: the form changes its own). */
export function profileFormValues(profile?: ProfileValues): ProfileFormValues {
  return {
    name: profile?.name ?? '',
    taxId: profile?.taxId ?? '',
    duns: profile?.duns ?? '',
    participantTags: (profile?.participantTags ?? []).map((entry) => ({
      tag: entry.tag,
      measurers: entry.measurers.map((m) => ({
        identifier: m.identifier,
        standardTypes: [...m.standardTypes],
      })),
      verifiers: entry.verifiers.map((v) => ({ identifier: v.identifier })),
    })),
  };
}

/**
 * A form's errors under one field, keyed by the rest of their path ("0.measurers.1.identifier";
 * "" for the field itself): react-hook-form nests them as the values are nested.
 */
export function errorsUnder(node: unknown): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (value: unknown, path: string) => {
    if (!value || typeof value !== 'object') return;
    const message = (value as { message?: unknown }).message;
    if (typeof message === 'string' && message) found[path] = message;
    for (const [key, child] of Object.entries(value)) {
      if (key === 'ref' || key === 'message' || key === 'type' || key === 'types') continue;
      walk(child, key === 'root' ? path : path ? `${path}.${key}` : key);
    }
  };
  walk(node, '');
  return found;
}

/**
 * Name, tax id, DUNS and participant tags of the surrounding ZodForm (profileFormSchema or the
 * admin console's, which add participant types: `withTypes`). Only an edit form says how a value
 * is cleared.
 */
export function ProfileFields({ mode, withTypes = false }: { mode: 'create' | 'edit'; withTypes?: boolean }) {
  return (
    <div className="space-y-4">
      <TextField<ProfileFormValues> name="name" label="Name" maxLength={fieldLimits.name} />
      <IdentifierFields mode={mode} />
      {withTypes ? <ParticipantTypesField /> : null}
      <ParticipantTagsField />
    </div>
  );
}

/** The tags editor as a field of the form: its value, and every error under participantTags beside its choice. */
function ParticipantTagsField() {
  const { control, clearErrors } = useFormContext<ProfileFormValues>();
  const { field, fieldState } = useController({ control, name: 'participantTags' });
  return (
    <ParticipantTagsEditor
      value={field.value as TagEntry[]}
      onChange={(next) => {
        if (fieldState.error) clearErrors('participantTags');
        field.onChange(next);
      }}
      errors={errorsUnder(fieldState.error)}
    />
  );
}

function ParticipantTypesField() {
  const { control, clearErrors } = useFormContext<{ participantTypes: string[] }>();
  const { field, fieldState } = useController({ control, name: 'participantTypes' });
  const value = field.value ?? [];
  const error = messagesAt(errorsUnder(fieldState.error), '');
  return (
    <fieldset className="min-w-0 space-y-2">
      <legend className="mb-2 text-body font-medium text-foreground">Participant types</legend>
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        {participantTypeCodes.map((code) => (
          <Checkbox
            key={code}
            label={typeName(code)}
            checked={value.includes(code)}
            aria-invalid={error ? true : undefined}
            onChange={(e) => {
              if (fieldState.error) clearErrors('participantTypes');
              // Kept in catalog order, like the tags.
              field.onChange(
                e.target.checked
                  ? participantTypeCodes.filter((c) => c === code || value.includes(c))
                  : value.filter((c) => c !== code),
              );
            }}
          />
        ))}
      </div>
      {error ? <FieldError>{error}</FieldError> : null}
    </fieldset>
  );
}
