import { Badge } from '../ui/badge';
import { tagName } from './participant-catalog';

/** A profile's participant tags at a glance, by their catalog names. */
export function ParticipantTagBadges({
  tags,
  empty = 'No participant tags',
}: {
  tags: { tag: string }[];
  empty?: string;
}) {
  if (tags.length === 0) return <span className="text-sm text-muted-foreground">{empty}</span>;
  return (
    <span className="flex flex-wrap gap-1.5">
      {tags.map((t) => (
        <Badge key={t.tag} tone="blue">
          {tagName(t.tag)}
        </Badge>
      ))}
    </span>
  );
}
