'use client';

import { useMutation } from '@tanstack/react-query';
import { profileFormSchema } from '@/server/modules/organizations/schemas';
import { useSave } from '../../forms/use-save';
import { profileFormValues } from '../../profiles/profile-fields';
import { ProfileForm } from '../../profiles/profile-form';
import { useTRPC } from '../../trpc/client';
import { toastSaved } from '../../ui/toast';
import { useZodForm } from '../../ui/zod-form';
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
  const update = useMutation(trpc.profiles.update.mutationOptions());
  const form = useZodForm(profileFormSchema, { defaultValues: profileFormValues(profile) });
  const { onSubmit, networkError } = useSave(
    form,
    async (values) => {
      const saved = await update.mutateAsync({ _id: profile._id, ...values });
      toastSaved('Profile', saved.name);
      onSaved(saved);
    },
    { what: 'The profile' },
  );
  return (
    <ProfileForm
      form={form}
      onSubmit={onSubmit}
      networkError={networkError}
      label={`Edit ${profile.name}`}
      mode="edit"
      submitLabel="Save profile"
      onCancel={onCancel}
    />
  );
}
