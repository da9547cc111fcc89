import { participantTags, participantTypes } from '@/server/rbac/participants';
import { Badge } from '../ui/badge';

export const tagName = (tag: string) =>
  tag in participantTags ? participantTags[tag as keyof typeof participantTags].name : tag;

export const typeName = (type: string) =>
  type in participantTypes ? participantTypes[type as keyof typeof participantTypes] : type;

/** A profile's participant tags at a glance (the detail page lists their measurers and verifiers). */
export function ParticipantTagBadges({ tags }: { tags: { tag: string }[] }) {
  if (tags.length === 0) return <span className="text-sm text-slate-500">No participant tags</span>;
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
