'use client';

import { Checkbox } from '../../ui/checkbox';
import { FieldError } from '../../ui/field-error';
import { messagesAt } from '../errors';
import type { ParticipantCatalog } from '../types';

export type TagEntry = {
  tag: string;
  measurers: { identifier: string; standardTypes: string[] }[];
  verifiers: { identifier: string }[];
};

type CatalogTag = ParticipantCatalog['items'][number];

/**
 * The tags a profile holds and, per tag, the measurers (with the standards each reports to) and
 * verifiers the catalog allows it. `errors` are the server's, keyed by path under participantTags
 * ("0.measurers.1.identifier"); each shows beside the choice it is about.
 */
export function ParticipantTagsFields({
  catalog,
  value,
  onChange,
  errors,
  disabled,
}: {
  catalog: ParticipantCatalog;
  value: TagEntry[];
  onChange: (next: TagEntry[]) => void;
  errors: Record<string, string>;
  disabled?: boolean;
}) {
  function toggleTag(tag: string, on: boolean) {
    if (!on) return onChange(value.filter((entry) => entry.tag !== tag));
    // Kept in catalog order, so the saved list reads the same way as the form.
    const next = [...value, { tag, measurers: [], verifiers: [] }];
    onChange(catalog.items.flatMap((item) => next.filter((entry) => entry.tag === item.tag)));
  }
  const update = (tag: string, change: (entry: TagEntry) => TagEntry) =>
    onChange(value.map((entry) => (entry.tag === tag ? change(entry) : entry)));

  return (
    <fieldset disabled={disabled} className="min-w-0 space-y-3">
      <legend className="mb-2 text-sm font-medium text-slate-800">Participant tags</legend>
      {messagesAt(errors, '', true) ? <FieldError>{messagesAt(errors, '', true)}</FieldError> : null}
      {catalog.items.map((item) => {
        const index = value.findIndex((entry) => entry.tag === item.tag);
        const entry = value[index];
        const tagError = entry
          ? (messagesAt(errors, String(index), true) ?? messagesAt(errors, `${index}.tag`))
          : undefined;
        return (
          <div key={item.tag} className="rounded-md border border-slate-200 p-3">
            <Checkbox
              label={<span className="font-medium">{item.name}</span>}
              hint={item.tag}
              checked={Boolean(entry)}
              onChange={(e) => toggleTag(item.tag, e.target.checked)}
            />
            {tagError ? <FieldError>{tagError}</FieldError> : null}
            {entry ? (
              <TagDetails
                item={item}
                entry={entry}
                errorAt={(path, exact) => messagesAt(errors, `${index}.${path}`, exact)}
                onChange={(change) => update(item.tag, change)}
              />
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}

function TagDetails({
  item,
  entry,
  errorAt,
  onChange,
}: {
  item: CatalogTag;
  entry: TagEntry;
  errorAt: (path: string, exact?: boolean) => string | undefined;
  onChange: (change: (entry: TagEntry) => TagEntry) => void;
}) {
  if (item.measurers.length + item.verifiers.length === 0)
    return <p className="mt-2 ml-6 text-xs text-slate-500">This tag takes no measurers or verifiers.</p>;

  function toggleMeasurer(measurer: CatalogTag['measurers'][number], on: boolean) {
    onChange((e) => ({
      ...e,
      // A new measurer starts with every standard it reports to; unticking narrows it.
      measurers: on
        ? [...e.measurers, { identifier: measurer.identifier, standardTypes: [...measurer.standardTypes] }]
        : e.measurers.filter((m) => m.identifier !== measurer.identifier),
    }));
  }
  function toggleStandard(identifier: string, standard: string, on: boolean) {
    onChange((e) => ({
      ...e,
      measurers: e.measurers.map((m) =>
        m.identifier !== identifier
          ? m
          : {
              ...m,
              standardTypes: on
                ? [...m.standardTypes, standard]
                : m.standardTypes.filter((s) => s !== standard),
            },
      ),
    }));
  }
  function toggleVerifier(identifier: string, on: boolean) {
    onChange((e) => ({
      ...e,
      verifiers: on
        ? [...e.verifiers, { identifier }]
        : e.verifiers.filter((v) => v.identifier !== identifier),
    }));
  }

  return (
    <div className="mt-3 ml-6 grid gap-4 sm:grid-cols-2">
      <fieldset className="space-y-2">
        <legend className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">
          Measurers
        </legend>
        {errorAt('measurers', true) ? <FieldError>{errorAt('measurers', true)}</FieldError> : null}
        {item.measurers.map((measurer) => {
          const position = entry.measurers.findIndex((m) => m.identifier === measurer.identifier);
          const chosen = entry.measurers[position];
          const error = position >= 0 ? errorAt(`measurers.${position}`) : undefined;
          return (
            <div key={measurer.identifier}>
              <Checkbox
                label={measurer.name}
                hint={measurer.identifier}
                checked={Boolean(chosen)}
                onChange={(e) => toggleMeasurer(measurer, e.target.checked)}
              />
              {chosen ? (
                <fieldset className="mt-1.5 ml-6 flex flex-wrap gap-x-4 gap-y-1">
                  <legend className="sr-only">Standards {measurer.name} reports to</legend>
                  {measurer.standardTypes.map((standard) => (
                    <Checkbox
                      key={standard}
                      label={standard}
                      aria-label={`${standard} for ${measurer.name}`}
                      checked={chosen.standardTypes.includes(standard)}
                      onChange={(e) => toggleStandard(measurer.identifier, standard, e.target.checked)}
                    />
                  ))}
                </fieldset>
              ) : null}
              {error ? <FieldError>{error}</FieldError> : null}
            </div>
          );
        })}
        {item.measurers.length === 0 ? <p className="text-xs text-slate-500">None allowed.</p> : null}
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">
          Verifiers
        </legend>
        {errorAt('verifiers', true) ? <FieldError>{errorAt('verifiers', true)}</FieldError> : null}
        {item.verifiers.map((verifier) => {
          const position = entry.verifiers.findIndex((v) => v.identifier === verifier.identifier);
          const error = position >= 0 ? errorAt(`verifiers.${position}`) : undefined;
          return (
            <div key={verifier.identifier}>
              <Checkbox
                label={verifier.name}
                hint={verifier.identifier}
                checked={position >= 0}
                onChange={(e) => toggleVerifier(verifier.identifier, e.target.checked)}
              />
              {error ? <FieldError>{error}</FieldError> : null}
            </div>
          );
        })}
        {item.verifiers.length === 0 ? <p className="text-xs text-slate-500">None allowed.</p> : null}
      </fieldset>
    </div>
  );
}
