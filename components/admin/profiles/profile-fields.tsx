'use client';

import { Checkbox } from '../../ui/checkbox';
import { FieldError } from '../../ui/field-error';
import { Input } from '../../ui/input';
import { fieldError, fieldErrorsUnder, messagesAt, type SaveError } from '../errors';
import type { AdminProfile, ParticipantCatalog, ParticipantTagsInput, ParticipantTypesInput } from '../types';
import { ParticipantTagsFields, type TagEntry } from './participant-tags-fields';

export type ProfileDraft = {
  name: string;
  taxId: string;
  duns: string;
  participantTypes: string[];
  participantTags: TagEntry[];
};

export const SHOWN_PROFILE_FIELDS = [
  'name',
  'taxId',
  'duns',
  'participantTypes',
  'participantTags',
  'status',
];

export const profileDraft = (profile?: AdminProfile): ProfileDraft => ({
  name: profile?.name ?? '',
  taxId: profile?.taxId ?? '',
  duns: profile?.duns ?? '',
  participantTypes: profile?.participantTypes ?? [],
  participantTags: profile?.participantTags ?? [],
});

/** The draft as the API takes it; the catalog codes are checked by the server, which names the allowed ones. */
export const profileInput = (draft: ProfileDraft) => ({
  name: draft.name.trim(),
  taxId: draft.taxId.trim(),
  duns: draft.duns.trim(),
  participantTypes: draft.participantTypes as ParticipantTypesInput,
  participantTags: draft.participantTags as ParticipantTagsInput,
});

export function checkProfile(draft: ProfileDraft): SaveError {
  const fields: Record<string, string> = {};
  if (!draft.name.trim()) fields.name = 'is required';
  if (draft.duns.trim() && !/^\d{9}$/.test(draft.duns.trim())) fields.duns = 'must be 9 digits';
  draft.participantTags.forEach((entry, i) => {
    entry.measurers.forEach((m, j) => {
      if (m.standardTypes.length === 0)
        fields[`participantTags.${i}.measurers.${j}.standardTypes`] = 'needs at least one standard type';
    });
  });
  return Object.keys(fields).length ? { code: 'LOCAL', message: '', fields } : null;
}

/** Name, tax id, DUNS, participant types and tags: the create and edit forms share them. */
export function ProfileFields({
  catalog,
  value,
  onChange,
  error,
  disabled,
}: {
  catalog: ParticipantCatalog;
  value: ProfileDraft;
  onChange: (next: ProfileDraft) => void;
  error: SaveError;
  disabled?: boolean;
}) {
  const typesError = messagesAt(fieldErrorsUnder(error, 'participantTypes'), '');
  return (
    <div className="space-y-4">
      <Input
        label="Name"
        value={value.name}
        onChange={(e) => onChange({ ...value, name: e.target.value })}
        error={fieldError(error, 'name', 'The name')}
        required
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Input
          label="Tax id"
          value={value.taxId}
          onChange={(e) => onChange({ ...value, taxId: e.target.value })}
          error={fieldError(error, 'taxId', 'The tax id')}
          hint="Such as a US EIN. Leave empty to clear it."
        />
        <Input
          label="DUNS number"
          inputMode="numeric"
          value={value.duns}
          onChange={(e) => onChange({ ...value, duns: e.target.value })}
          error={fieldError(error, 'duns', 'The DUNS number')}
          hint="9 digits. Leave empty to clear it."
        />
      </div>
      <fieldset disabled={disabled} className="space-y-2">
        <legend className="mb-2 text-sm font-medium text-slate-800">Participant types</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {catalog.participantTypes.map((type) => (
            <Checkbox
              key={type.code}
              label={type.name}
              checked={value.participantTypes.includes(type.code)}
              onChange={(e) =>
                onChange({
                  ...value,
                  participantTypes: e.target.checked
                    ? catalog.participantTypes
                        .map((t) => t.code)
                        .filter((c) => c === type.code || value.participantTypes.includes(c))
                    : value.participantTypes.filter((c) => c !== type.code),
                })
              }
            />
          ))}
        </div>
        {typesError ? <FieldError>{typesError}</FieldError> : null}
      </fieldset>
      <ParticipantTagsFields
        catalog={catalog}
        value={value.participantTags}
        onChange={(participantTags) => onChange({ ...value, participantTags })}
        errors={fieldErrorsUnder(error, 'participantTags')}
        disabled={disabled}
      />
    </div>
  );
}
