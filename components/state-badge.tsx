import { Badge, type BadgeTone } from './ui/badge';
import { type StateKind, type StateOf, stateWords } from './words';

/** A record's state in its one word (components/words.ts), as a badge. */
export function StateBadge<K extends StateKind>({ kind, state }: { kind: K; state: StateOf<K> }) {
  const [word, tone] = (stateWords[kind] as Record<string, readonly [string, BadgeTone]>)[state] ?? [
    state,
    'neutral',
  ];
  return (
    <Badge tone={tone} dot>
      {word}
    </Badge>
  );
}
