'use client';

import { useMutation } from '@tanstack/react-query';
import { profileInput } from '../../profiles/profile-fields';
import { ProfileForm } from '../../profiles/profile-form';
import { useTRPC } from '../../trpc/client';
import type { Profile } from '../types';

/** Name, tax id, DUNS and participant tags; participant types and status stay with platform staff. */
export function ProfileEditForm({
  profile,
  onSaved,
  onCancel,
}: {
  profile: Profile;
  onSaved: (profile: Profile) => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const save = useMutation(trpc.profiles.update.mutationOptions());
  return (
    <ProfileForm
      label={`Edit ${profile.name}`}
      initial={profile}
      submitLabel="Save profile"
      pending={save.isPending}
      onCancel={onCancel}
      save={async (draft) => onSaved(await save.mutateAsync({ _id: profile._id, ...profileInput(draft) }))}
    />
  );
}
