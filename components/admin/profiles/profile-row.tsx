import Link from 'next/link';
import type { ReactNode } from 'react';
import { ParticipantTagBadges } from '../../profiles/participant-tag-badges';
import { StateBadge } from '../../state-badge';
import { cell } from '../table';

/** A profile in an admin table: its name linking to its page, the table's own columns, tags and status. */
export function ProfileRow({
  profile,
  children,
}: {
  profile: { _id: string; name: string; participantTags: { tag: string }[]; status: 'active' | 'archive' };
  children: ReactNode;
}) {
  return (
    <tr>
      <td className={cell}>
        <Link href={`/admin/profiles/${profile._id}`} className="font-medium text-link hover:underline">
          {profile.name}
        </Link>
      </td>
      {children}
      <td className={cell}>
        <ParticipantTagBadges tags={profile.participantTags} empty="None" />
      </td>
      <td className={cell}>
        <StateBadge kind="organization" state={profile.status} />
      </td>
    </tr>
  );
}
