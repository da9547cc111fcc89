'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { adminProfileEditFormSchema } from '@/server/modules/organizations/schemas';
import { useSave } from '../../forms/use-save';
import { PageHeader } from '../../layout/page-header';
import { ProfileFields, profileFormValues } from '../../profiles/profile-fields';
import { StateBadge } from '../../state-badge';
import { Time } from '../../time';
import { useTRPC } from '../../trpc/client';
import { Card } from '../../ui/card';
import { SelectField } from '../../ui/form-field';
import { toastSaved } from '../../ui/toast';
import { FormRootError, SubmitButton, useZodForm, ZodForm } from '../../ui/zod-form';
import { stateOptions } from '../../words';
import { readOnlyFieldset, useCanWrite } from '../access';
import type { AdminProfile } from '../types';
import { ProfileApiKeysCard } from './profile-api-keys-card';

/** One profile for platform staff: the server rendered `initial`; a save refetches it. */
export function ProfileDetail({ initial }: { initial: AdminProfile }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = trpc.admin.profiles.get.queryOptions({ _id: initial._id });
  const { data: profile = initial } = useQuery({ ...options, initialData: initial });

  return (
    <div className="space-y-6">
      <PageHeader
        back={{ href: '/admin/profiles', label: 'All profiles' }}
        title={
          <>
            {profile.name} <StateBadge kind="organization" state={profile.status} />
          </>
        }
      >
        Profile of{' '}
        <Link href={`/admin/organizations/${profile.organizationId}`} className="text-link hover:underline">
          {profile.organizationName}
        </Link>{' '}
        · created <Time iso={profile.createdAt} /> · updated <Time iso={profile.updatedAt} />
      </PageHeader>
      {/* keyed by updatedAt: a saved change resets the form to what the server now holds */}
      <ProfileEditForm
        key={profile.updatedAt}
        profile={profile}
        onSaved={(next) => queryClient.setQueryData(options.queryKey, next)}
      />
      <ProfileApiKeysCard profileId={profile._id} />
    </div>
  );
}

const statusOptions = stateOptions('organization');

function ProfileEditForm({
  profile,
  onSaved,
}: {
  profile: AdminProfile;
  onSaved: (p: AdminProfile) => void;
}) {
  const trpc = useTRPC();
  const canWrite = useCanWrite();
  const update = useMutation(trpc.admin.profiles.update.mutationOptions());
  const form = useZodForm(adminProfileEditFormSchema, {
    defaultValues: {
      ...profileFormValues(profile),
      participantTypes: [...profile.participantTypes],
      status: profile.status,
    },
  });
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
    <Card title="Profile">
      <ZodForm form={form} onSubmit={onSubmit} aria-label="Profile details">
        <fieldset disabled={!canWrite} className={`space-y-5 ${readOnlyFieldset}`}>
          <ProfileFields mode="edit" withTypes />
          <div className="max-w-xs">
            <SelectField
              name="status"
              label="Status"
              options={statusOptions}
              description="An archived profile is hidden from its organization's members."
            />
          </div>
          <FormRootError />
          {networkError}
          {canWrite ? <SubmitButton>Save profile</SubmitButton> : null}
        </fieldset>
      </ZodForm>
    </Card>
  );
}
