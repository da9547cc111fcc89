'use client';

import { useMutation } from '@tanstack/react-query';
import { profileInput } from '../../profiles/profile-fields';
import { ProfileForm } from '../../profiles/profile-form';
import { useTRPC } from '../../trpc/client';
import type { AdminProfile } from '../types';

/** A new profile of one organization. */
export function ProfileCreateForm({
  organizationId,
  onCreated,
  onCancel,
}: {
  organizationId: string;
  onCreated: (profile: AdminProfile) => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const create = useMutation(trpc.admin.profiles.create.mutationOptions());
  return (
    <ProfileForm
      label="New profile"
      submitLabel="Create profile"
      withTypes
      pending={create.isPending}
      onCancel={onCancel}
      save={async (draft) => {
        const input = profileInput(draft);
        onCreated(
          await create.mutateAsync({
            ...input,
            organizationId,
            taxId: input.taxId || undefined,
            duns: input.duns || undefined,
            participantTypes: draft.participantTypes,
          }),
        );
      }}
    >
      <h3 className="text-sm font-semibold text-foreground">New profile</h3>
    </ProfileForm>
  );
}
