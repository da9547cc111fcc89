import {
  measurers,
  type ParticipantTag,
  participantTagCodes,
  participantTags,
  standardTypes,
} from '@/server/rbac/participants';
import { Checkbox } from '../../ui/checkbox';
import type { ParticipantTagEntry } from '../types';
import { measurerName, verifierName } from './participant-tags-view';

type MeasurerId = keyof typeof measurers;

/** The tags a profile holds, then per tag the measurers (with standards) and verifiers it allows. */
export function ParticipantTagsEditor({
  value,
  onChange,
}: {
  value: ParticipantTagEntry[];
  onChange: (next: ParticipantTagEntry[]) => void;
}) {
  const byTag = new Map(value.map((entry) => [entry.tag, entry]));
  const update = (tag: string, change: (entry: ParticipantTagEntry) => ParticipantTagEntry) =>
    onChange(value.map((entry) => (entry.tag === tag ? change(entry) : entry)));

  function toggleTag(tag: ParticipantTag, on: boolean) {
    if (!on) return onChange(value.filter((entry) => entry.tag !== tag));
    // Kept in catalog order, so the saved list reads the same way as the form.
    const next = [...value, { tag, measurers: [], verifiers: [] }];
    onChange(participantTagCodes.flatMap((code) => next.filter((entry) => entry.tag === code)));
  }

  function toggleMeasurer(tag: string, id: MeasurerId, on: boolean) {
    update(tag, (entry) => ({
      ...entry,
      // A new measurer starts with every standard it reports to; unticking narrows it.
      measurers: on
        ? [...entry.measurers, { identifier: id, standardTypes: [...measurers[id].standardTypes] }]
        : entry.measurers.filter((m) => m.identifier !== id),
    }));
  }

  function toggleStandard(tag: string, id: string, standard: string, on: boolean) {
    update(tag, (entry) => ({
      ...entry,
      measurers: entry.measurers.map((m) =>
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
  }

  function toggleVerifier(tag: string, id: string, on: boolean) {
    update(tag, (entry) => ({
      ...entry,
      verifiers: on
        ? [...entry.verifiers, { identifier: id }]
        : entry.verifiers.filter((v) => v.identifier !== id),
    }));
  }

  return (
    <fieldset className="space-y-3">
      <legend className="mb-2 text-sm font-medium text-slate-800">Participant tags</legend>
      {participantTagCodes.map((code) => {
        const catalog = participantTags[code];
        const entry = byTag.get(code);
        return (
          <div key={code} className="rounded-md border border-slate-200 p-3">
            <Checkbox
              label={<span className="font-medium">{catalog.name}</span>}
              hint={code}
              checked={Boolean(entry)}
              onChange={(e) => toggleTag(code, e.target.checked)}
            />
            {entry && catalog.measurers.length + catalog.verifiers.length === 0 ? (
              <p className="mt-2 ml-6 text-xs text-slate-500">This tag takes no measurers or verifiers.</p>
            ) : null}
            {entry && catalog.measurers.length ? (
              <fieldset className="mt-3 ml-6 space-y-2">
                <legend className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">
                  Measurers
                </legend>
                {catalog.measurers.map((id) => {
                  const chosen = entry.measurers.find((m) => m.identifier === id);
                  return (
                    <div key={id}>
                      <Checkbox
                        label={measurerName(id)}
                        checked={Boolean(chosen)}
                        onChange={(e) => toggleMeasurer(code, id, e.target.checked)}
                      />
                      {chosen ? (
                        <fieldset className="mt-1.5 ml-6 flex flex-wrap gap-x-4 gap-y-1">
                          <legend className="sr-only">Standards {measurerName(id)} reports to</legend>
                          {measurers[id].standardTypes.map((standard) => (
                            <Checkbox
                              key={standard}
                              label={standard}
                              title={standardTypes[standard]}
                              checked={chosen.standardTypes.includes(standard)}
                              onChange={(e) => toggleStandard(code, id, standard, e.target.checked)}
                            />
                          ))}
                        </fieldset>
                      ) : null}
                    </div>
                  );
                })}
              </fieldset>
            ) : null}
            {entry && catalog.verifiers.length ? (
              <fieldset className="mt-3 ml-6 space-y-2">
                <legend className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">
                  Verifiers
                </legend>
                {catalog.verifiers.map((id) => (
                  <Checkbox
                    key={id}
                    label={verifierName(id)}
                    checked={entry.verifiers.some((v) => v.identifier === id)}
                    onChange={(e) => toggleVerifier(code, id, e.target.checked)}
                  />
                ))}
              </fieldset>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}

/** The first measurer left without a standard, named for the form's message; the server needs one. */
export function measurerWithoutStandard(tags: ParticipantTagEntry[]): string | null {
  for (const entry of tags)
    for (const m of entry.measurers)
      if (m.standardTypes.length === 0)
        return `Choose at least one standard for ${measurerName(m.identifier)} under ${participantTags[entry.tag as ParticipantTag]?.name ?? entry.tag}.`;
  return null;
}
