'use client';

import { Badge } from '../../ui/badge';
import { useParticipantCatalog } from '../roles';

/** A profile's participant tags at a glance, by their catalog names. */
export function TagBadges({ tags }: { tags: { tag: string }[] }) {
  const catalog = useParticipantCatalog();
  if (tags.length === 0) return <span className="text-slate-500">None</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {tags.map((t) => (
        <Badge key={t.tag} tone="blue">
          {catalog.data?.items.find((item) => item.tag === t.tag)?.name ?? t.tag}
        </Badge>
      ))}
    </span>
  );
}
