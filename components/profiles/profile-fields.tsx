'use client';

import { participantTypeCodes } from '@/server/modules/profiles/catalog';
import { fieldError, fieldErrorsUnder, messagesAt, type SaveError } from '../trpc/save-error';
import { Checkbox } from '../ui/checkbox';
import { FieldError } from '../ui/field-error';
import { Input } from '../ui/input';
import { typeName } from './participant-catalog';
import { ParticipantTagsEditor, type TagEntry } from './participant-tags-editor';

export type ProfileDraft = {
  name: string;
  taxId: string;
  duns: string;
  participantTypes: string[];
  participantTags: TagEntry[];
};

/** Paths whose server errors show beside a field (the tags editor claims everything under its own). */
export const SHOWN_PROFILE_FIELDS = ['name', 'taxId', 'duns', 'participantTypes', 'participantTags'];

export type ProfileValues = Omit<ProfileDraft, 'participantTypes'> & { participantTypes?: string[] };

export const profileDraft = (profile?: ProfileValues): ProfileDraft => ({
  name: profile?.name ?? '',
  taxId: profile?.taxId ?? '',
  duns: profile?.duns ?? '',
  participantTypes: profile?.participantTypes ?? [],
  participantTags: profile?.participantTags ?? [],
});

/**
 * What a profile's own editors may send; the platform's forms add participant types. Catalog codes
 * are checked by the server, which names the allowed ones.
 */
export const profileInput = (draft: ProfileDraft) => ({
  name: draft.name.trim(),
  taxId: draft.taxId.trim(),
  duns: draft.duns.trim(),
  participantTags: draft.participantTags,
});

/** What the browser can tell before asking the server; the server's rules are the same. */
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

/**
 * Name, tax id, DUNS and participant tags, for the admin console's create and edit forms and the
 * dashboard's edit form; participant types only where the platform sets them (`withTypes`).
 */
export function ProfileFields({
  value,
  onChange,
  error,
  withTypes = false,
}: {
  value: ProfileDraft;
  onChange: (next: ProfileDraft) => void;
  error: SaveError;
  withTypes?: boolean;
}) {
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
      {withTypes ? (
        <ParticipantTypesField
          value={value.participantTypes}
          onChange={(participantTypes) => onChange({ ...value, participantTypes })}
          error={messagesAt(fieldErrorsUnder(error, 'participantTypes'), '')}
        />
      ) : null}
      <ParticipantTagsEditor
        value={value.participantTags}
        onChange={(participantTags) => onChange({ ...value, participantTags })}
        errors={fieldErrorsUnder(error, 'participantTags')}
      />
    </div>
  );
}

function ParticipantTypesField({
  value,
  onChange,
  error,
}: {
  value: string[];
  onChange: (next: string[]) => void;
  error: string | undefined;
}) {
  return (
    <fieldset className="space-y-2">
      <legend className="mb-2 text-sm font-medium text-foreground">Participant types</legend>
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        {participantTypeCodes.map((code) => (
          <Checkbox
            key={code}
            label={typeName(code)}
            checked={value.includes(code)}
            onChange={(e) =>
              // Kept in catalog order, like the tags.
              onChange(
                e.target.checked
                  ? participantTypeCodes.filter((c) => c === code || value.includes(c))
                  : value.filter((c) => c !== code),
              )
            }
          />
        ))}
      </div>
      {error ? <FieldError>{error}</FieldError> : null}
    </fieldset>
  );
}
