'use client';

import {
  measurers,
  type ParticipantTag,
  participantTagCodes,
  participantTags,
  verifiers,
} from '@/server/modules/profiles/catalog';
import { messagesAt } from '../trpc/save-error';
import { Checkbox } from '../ui/checkbox';
import { FieldError } from '../ui/field-error';
import { standardName } from './participant-catalog';

export type TagEntry = {
  tag: string;
  measurers: { identifier: string; standardTypes: string[] }[];
  verifiers: { identifier: string }[];
};

type MeasurerId = keyof typeof measurers;
type VerifierId = keyof typeof verifiers;
type Change = (change: (entry: TagEntry) => TagEntry) => void;
type ErrorAt = (path: string, exact?: boolean) => string | undefined;

const groupLegend = 'mb-1 text-xs font-semibold tracking-wide text-muted-foreground uppercase';

/**
 * The tags a profile holds and, per tag, the measurers (with the standards each reports to) and
 * verifiers the catalog allows it, all by their names (the codes are for the detail view). `errors` are the server's (or the form's own check), keyed by
 * path under participantTags ("0.measurers.1.identifier"); each shows beside the choice it is about.
 */
export function ParticipantTagsEditor({
  value,
  onChange,
  errors,
}: {
  value: TagEntry[];
  onChange: (next: TagEntry[]) => void;
  errors: Record<string, string>;
}) {
  function toggleTag(tag: ParticipantTag, on: boolean) {
    if (!on) return onChange(value.filter((entry) => entry.tag !== tag));
    // Kept in catalog order, so the saved list reads the same way as the form.
    const next = [...value, { tag, measurers: [], verifiers: [] }];
    onChange(participantTagCodes.flatMap((code) => next.filter((entry) => entry.tag === code)));
  }
  const update = (tag: string, change: (entry: TagEntry) => TagEntry) =>
    onChange(value.map((entry) => (entry.tag === tag ? change(entry) : entry)));
  const rootError = messagesAt(errors, '', true);

  return (
    <fieldset className="min-w-0 space-y-3">
      <legend className="mb-2 text-sm font-medium text-foreground">Participant tags</legend>
      {rootError ? <FieldError>{rootError}</FieldError> : null}
      {participantTagCodes.map((code) => {
        const index = value.findIndex((entry) => entry.tag === code);
        const entry = value[index];
        const tagError = entry
          ? (messagesAt(errors, String(index), true) ?? messagesAt(errors, `${index}.tag`))
          : undefined;
        return (
          <div key={code} className="rounded-md border border-border p-3">
            <Checkbox
              label={<span className="font-medium">{participantTags[code].name}</span>}
              checked={Boolean(entry)}
              aria-invalid={tagError || (rootError && code === participantTagCodes[0]) ? true : undefined}
              onChange={(e) => toggleTag(code, e.target.checked)}
            />
            {tagError ? <FieldError>{tagError}</FieldError> : null}
            {entry ? (
              <TagDetails
                tag={code}
                entry={entry}
                errorAt={(path, exact) => messagesAt(errors, `${index}.${path}`, exact)}
                onChange={(change) => update(code, change)}
              />
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}

function TagDetails({
  tag,
  entry,
  errorAt,
  onChange,
}: {
  tag: ParticipantTag;
  entry: TagEntry;
  errorAt: ErrorAt;
  onChange: Change;
}) {
  const allowed = participantTags[tag];
  if (allowed.measurers.length + allowed.verifiers.length === 0)
    return (
      <p className="mt-2 ml-6 text-xs text-muted-foreground">This tag takes no measurers or verifiers.</p>
    );
  return (
    <div className="mt-3 ml-6 grid gap-4 sm:grid-cols-2">
      <MeasurerChoices allowed={allowed.measurers} entry={entry} errorAt={errorAt} onChange={onChange} />
      <VerifierChoices allowed={allowed.verifiers} entry={entry} errorAt={errorAt} onChange={onChange} />
    </div>
  );
}

function MeasurerChoices({
  allowed,
  entry,
  errorAt,
  onChange,
}: {
  allowed: readonly MeasurerId[];
  entry: TagEntry;
  errorAt: ErrorAt;
  onChange: Change;
}) {
  const toggle = (id: MeasurerId, on: boolean) =>
    onChange((e) => ({
      ...e,
      // A new measurer starts with every standard it reports to; unticking narrows it.
      measurers: on
        ? [...e.measurers, { identifier: id, standardTypes: [...measurers[id].standardTypes] }]
        : e.measurers.filter((m) => m.identifier !== id),
    }));
  const toggleStandard = (id: string, standard: string, on: boolean) =>
    onChange((e) => ({
      ...e,
      measurers: e.measurers.map((m) =>
        m.identifier !== id
          ? m
          : {
              ...m,
              standardTypes: on
                ? [...m.standardTypes, standard]
                : m.standardTypes.filter((s) => s !== standard),
            },
      ),
    }));

  return (
    <fieldset className="space-y-2">
      <legend className={groupLegend}>Measurers</legend>
      {errorAt('measurers', true) ? <FieldError>{errorAt('measurers', true)}</FieldError> : null}
      {allowed.map((id) => {
        const { name, standardTypes } = measurers[id];
        const position = entry.measurers.findIndex((m) => m.identifier === id);
        const chosen = entry.measurers[position];
        const error = position >= 0 ? errorAt(`measurers.${position}`) : undefined;
        return (
          <div key={id}>
            <Checkbox
              label={name}
              checked={Boolean(chosen)}
              aria-invalid={error ? true : undefined}
              onChange={(e) => toggle(id, e.target.checked)}
            />
            {chosen ? (
              <fieldset className="mt-1.5 ml-6 space-y-1">
                <legend className="sr-only">Standards {name} reports to</legend>
                {standardTypes.map((standard) => (
                  <Checkbox
                    key={standard}
                    label={standardName(standard)}
                    className="text-caption"
                    checked={chosen.standardTypes.includes(standard)}
                    onChange={(e) => toggleStandard(id, standard, e.target.checked)}
                  />
                ))}
              </fieldset>
            ) : null}
            {error ? <FieldError>{error}</FieldError> : null}
          </div>
        );
      })}
      {allowed.length === 0 ? <p className="text-xs text-muted-foreground">None allowed.</p> : null}
    </fieldset>
  );
}

function VerifierChoices({
  allowed,
  entry,
  errorAt,
  onChange,
}: {
  allowed: readonly VerifierId[];
  entry: TagEntry;
  errorAt: ErrorAt;
  onChange: Change;
}) {
  const toggle = (id: VerifierId, on: boolean) =>
    onChange((e) => ({
      ...e,
      verifiers: on ? [...e.verifiers, { identifier: id }] : e.verifiers.filter((v) => v.identifier !== id),
    }));

  return (
    <fieldset className="space-y-2">
      <legend className={groupLegend}>Verifiers</legend>
      {errorAt('verifiers', true) ? <FieldError>{errorAt('verifiers', true)}</FieldError> : null}
      {allowed.map((id) => {
        const position = entry.verifiers.findIndex((v) => v.identifier === id);
        const error = position >= 0 ? errorAt(`verifiers.${position}`) : undefined;
        return (
          <div key={id}>
            <Checkbox
              label={verifiers[id].name}
              checked={position >= 0}
              aria-invalid={error ? true : undefined}
              onChange={(e) => toggle(id, e.target.checked)}
            />
            {error ? <FieldError>{error}</FieldError> : null}
          </div>
        );
      })}
      {allowed.length === 0 ? <p className="text-xs text-muted-foreground">None allowed.</p> : null}
    </fieldset>
  );
}
