import Link from 'next/link';
import type { FlagValues } from '@/server/modules/flags/catalog';
import { FlagBadges } from '../flags/flag-badges';
import { ParticipantTagBadges } from '../profiles/participant-tag-badges';
import { Badge } from '../ui/badge';
import { roleList } from './roles';

type ProfileSummary = {
  _id: string;
  name: string;
  participantTags: { tag: string }[];
  roles: string[];
  permissions: string[];
  flags: FlagValues;
};

/** The profiles of the active organization the user may read, each linking to its detail page. */
export function ProfileList({ profiles }: { profiles: ProfileSummary[] }) {
  if (profiles.length === 0) {
    return (
      <p className="text-sm text-muted-foreground">
        This organization has no profiles you can see yet. Platform staff create them; ask your organization
        administrator if you expected one.
      </p>
    );
  }
  return (
    <ul className="-my-4 divide-y divide-border">
      {profiles.map((profile) => (
        <li key={profile._id} className="flex flex-wrap items-center justify-between gap-3 py-4">
          <div className="min-w-0 space-y-1.5">
            <Link
              href={`/profiles/${profile._id}`}
              className="font-medium text-link hover:underline focus-visible:underline"
            >
              {profile.name}
            </Link>
            <ParticipantTagBadges tags={profile.participantTags} />
            <FlagBadges flags={profile.flags} />
          </div>
          <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
            {profile.roles.length ? <span>Your roles here: {roleList(profile.roles)}</span> : null}
            {profile.permissions.includes('profiles.write') ? (
              <Badge tone="green">You can edit</Badge>
            ) : (
              <Badge>Read-only</Badge>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
