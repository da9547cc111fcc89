'use client';

import { useRouter } from 'next/navigation';
import { type ReactNode, useState } from 'react';
import { typeName } from '../../profiles/participant-catalog';
import { StateBadge } from '../../state-badge';
import { Time } from '../../time';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import type { Profile } from '../types';
import { ParticipantTagsView } from './participant-tags-view';
import { ProfileEditForm } from './profile-edit-form';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="contents">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="text-foreground">{children}</dd>
    </div>
  );
}

const notSet = <span className="text-muted-foreground">Not set</span>;

/** One profile; its editors get an Edit button, everyone else reads the same facts. */
export function ProfileDetails({ initial, canWrite }: { initial: Profile; canWrite: boolean }) {
  const router = useRouter();
  const [profile, setProfile] = useState(initial);
  const [editing, setEditing] = useState(false);

  if (editing) {
    return (
      <Card title={`Edit ${profile.name}`}>
        <ProfileEditForm
          profile={profile}
          onCancel={() => setEditing(false)}
          onSaved={(next) => {
            setProfile(next);
            setEditing(false);
            // The header, home page and profile list show the name and tags too.
            router.refresh();
          }}
        />
      </Card>
    );
  }

  return (
    <div className="space-y-6">
      <Card
        title="Details"
        actions={
          canWrite ? (
            <Button variant="secondary" onClick={() => setEditing(true)}>
              Edit profile
            </Button>
          ) : (
            <Badge>Read-only</Badge>
          )
        }
      >
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]">
          <Row label="Name">{profile.name}</Row>
          <Row label="Tax id">{profile.taxId || notSet}</Row>
          <Row label="DUNS number">{profile.duns || notSet}</Row>
          <Row label="Participant types">
            {profile.participantTypes.length ? profile.participantTypes.map(typeName).join(', ') : notSet}
          </Row>
          <Row label="Status">
            <StateBadge kind="organization" state={profile.status} />
          </Row>
          <Row label="Last changed">
            <Time iso={profile.updatedAt} />
          </Row>
        </dl>
      </Card>
      <Card
        title="Participant tags"
        description="What this profile does in the gas chain, and who measures and verifies its data."
      >
        <ParticipantTagsView tags={profile.participantTags} />
      </Card>
    </div>
  );
}
