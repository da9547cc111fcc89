'use client';

import { useMutation } from '@tanstack/react-query';
import { adminProfileCreateFormSchema } from '@/server/modules/organizations/schemas';
import { useSave } from '../../forms/use-save';
import { profileFormValues } from '../../profiles/profile-fields';
import { ProfileForm } from '../../profiles/profile-form';
import { useTRPC } from '../../trpc/client';
import { toastSaved } from '../../ui/toast';
import { useZodForm } from '../../ui/zod-form';
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
  const form = useZodForm(adminProfileCreateFormSchema, {
    defaultValues: { ...profileFormValues(), participantTypes: [] },
  });
  const { onSubmit, networkError } = useSave(
    form,
    async (values) => {
      const profile = await create.mutateAsync({ ...values, organizationId });
      toastSaved('Profile', profile.name, 'created');
      onCreated(profile);
    },
    { what: 'The profile' },
  );
  return (
    <ProfileForm
      form={form}
      onSubmit={onSubmit}
      networkError={networkError}
      label="New profile"
      mode="create"
      submitLabel="Create profile"
      withTypes
      onCancel={onCancel}
    >
      <h3 className="text-sm font-semibold text-foreground">New profile</h3>
    </ProfileForm>
  );
}
