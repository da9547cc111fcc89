'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { PageHeader } from '../../layout/page-header';
import { ProfileFields, profileInput, SHOWN_PROFILE_FIELDS } from '../../profiles/profile-fields';
import { useProfileForm } from '../../profiles/use-profile-form';
import { Time } from '../../time';
import { useTRPC } from '../../trpc/client';
import { fieldError, formError } from '../../trpc/save-error';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { Form } from '../../ui/form';
import { Select } from '../../ui/select';
import { readOnlyFieldset, useCanWrite } from '../access';
import { OrganizationStatusBadge } from '../organizations/organization-list';
import type { AdminProfile } from '../types';

/** One profile for platform staff: the server rendered `initial`; a save refetches it. */
export function ProfileDetail({ initial }: { initial: AdminProfile }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = trpc.admin.profiles.get.queryOptions({ _id: initial._id });
  const { data: profile = initial } = useQuery({ ...options, initialData: initial });
  // Here, not in the form: a save changes updatedAt, which remounts the form.
  const [saved, setSaved] = useState(false);

  return (
    <div className="space-y-6">
      <PageHeader
        back={{ href: '/admin/profiles', label: 'All profiles' }}
        title={
          <>
            {profile.name} <OrganizationStatusBadge status={profile.status} />
          </>
        }
      >
        Profile of{' '}
        <Link href={`/admin/organizations/${profile.organizationId}`} className="text-link hover:underline">
          {profile.organizationName}
        </Link>{' '}
        · updated <Time iso={profile.updatedAt} />
      </PageHeader>
      {/* keyed by updatedAt: a saved change resets the form to what the server now holds */}
      <ProfileEditForm
        key={profile.updatedAt}
        profile={profile}
        saved={saved}
        onSubmit={() => setSaved(false)}
        onSaved={(next) => {
          queryClient.setQueryData(options.queryKey, next);
          setSaved(true);
        }}
      />
    </div>
  );
}

function ProfileEditForm({
  profile,
  saved,
  onSubmit,
  onSaved,
}: {
  profile: AdminProfile;
  saved: boolean;
  onSubmit: () => void;
  onSaved: (p: AdminProfile) => void;
}) {
  const trpc = useTRPC();
  const canWrite = useCanWrite();
  const save = useMutation(trpc.admin.profiles.update.mutationOptions());
  const [status, setStatus] = useState(profile.status);
  const form = useProfileForm(profile, async (draft) => {
    const input = { ...profileInput(draft), participantTypes: draft.participantTypes, status };
    onSaved(await save.mutateAsync({ _id: profile._id, ...input }));
  });

  const top = formError(form.error, [...SHOWN_PROFILE_FIELDS, 'status']);
  return (
    <Card title="Profile">
      <Form
        onSubmit={(event) => {
          onSubmit();
          return form.submit(event);
        }}
        aria-label="Profile details"
        className="space-y-5"
      >
        <fieldset disabled={!canWrite} className={`space-y-5 ${readOnlyFieldset}`}>
          {top ? <Alert tone="error">{top}</Alert> : null}
          {saved ? <Alert tone="success">Saved.</Alert> : null}
          <ProfileFields value={form.draft} onChange={form.setDraft} error={form.error} withTypes />
          <div className="max-w-xs">
            <Select
              label="Status"
              value={status}
              onChange={(e) => setStatus(e.target.value as AdminProfile['status'])}
              error={fieldError(form.error, 'status', 'The status')}
              hint="An archived profile is hidden from its organization's members."
            >
              <option value="active">Active</option>
              <option value="archive">Archived</option>
            </Select>
          </div>
          {canWrite ? (
            <Button type="submit" pending={save.isPending}>
              Save profile
            </Button>
          ) : null}
        </fieldset>
      </Form>
    </Card>
  );
}
