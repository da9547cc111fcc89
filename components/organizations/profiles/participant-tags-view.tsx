import { measurerName, standardName, tagName, verifierName } from '../../profiles/participant-catalog';
import type { ParticipantTagEntry } from '../types';

function Standards({ codes }: { codes: string[] }) {
  return (
    <span className="text-muted-foreground">
      {' '}
      reports to{' '}
      {codes.map((code, i) => (
        <span key={code}>
          {i > 0 ? ', ' : ''}
          <abbr title={standardName(code)}>{code}</abbr>
        </span>
      ))}
    </span>
  );
}

/** Each participant tag with the measurers (and their standards) and verifiers that attest it. */
export function ParticipantTagsView({ tags }: { tags: ParticipantTagEntry[] }) {
  if (tags.length === 0)
    return <p className="text-sm text-muted-foreground">This profile has no participant tags.</p>;
  return (
    <ul className="space-y-3">
      {tags.map((entry) => (
        <li key={entry.tag} className="rounded-md border border-border p-4">
          <p className="font-medium text-foreground">
            {tagName(entry.tag)}{' '}
            <code className="ml-1 text-xs font-normal text-muted-foreground">{entry.tag}</code>
          </p>
          <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[8rem_1fr]">
            <dt className="text-muted-foreground">Measurers</dt>
            <dd>
              {entry.measurers.length ? (
                <ul className="space-y-1">
                  {entry.measurers.map((m) => (
                    <li key={m.identifier}>
                      {measurerName(m.identifier)}
                      <Standards codes={m.standardTypes} />
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="text-muted-foreground">None</span>
              )}
            </dd>
            <dt className="text-muted-foreground">Verifiers</dt>
            <dd>
              {entry.verifiers.length ? (
                entry.verifiers.map((v) => verifierName(v.identifier)).join(', ')
              ) : (
                <span className="text-muted-foreground">None</span>
              )}
            </dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
