'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { useTRPC } from '../../trpc/client';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { Form } from '../../ui/form';
import { Select } from '../../ui/select';
import { readOnlyFieldset, useCanWrite } from '../access';
import { fieldError, formError, type SaveError, toSaveError } from '../errors';
import { OrganizationStatusBadge } from '../organizations/organization-list';
import { useParticipantCatalog } from '../roles';
import { Time } from '../time';
import type { AdminProfile } from '../types';
import {
  checkProfile,
  ProfileFields,
  profileDraft,
  profileInput,
  SHOWN_PROFILE_FIELDS,
} from './profile-fields';

/** One profile for platform staff: the server rendered `initial`; a save refetches it. */
export function ProfileDetail({ initial }: { initial: AdminProfile }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = trpc.admin.profiles.get.queryOptions({ _id: initial._id });
  const { data: profile = initial } = useQuery({ ...options, initialData: initial });

  return (
    <div className="space-y-6">
      <div>
        <Link href="/admin/profiles" className="text-sm font-medium text-emerald-800 hover:underline">
          ← All profiles
        </Link>
        <h1 className="mt-2 flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight">
          {profile.name} <OrganizationStatusBadge status={profile.status} />
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          Profile of{' '}
          <Link
            href={`/admin/organizations/${profile.organizationId}`}
            className="text-emerald-800 hover:underline"
          >
            {profile.organizationName}
          </Link>{' '}
          · updated <Time iso={profile.updatedAt} />
        </p>
      </div>
      <ProfileEditForm
        key={profile.updatedAt}
        profile={profile}
        onSaved={(saved) => queryClient.setQueryData(options.queryKey, saved)}
      />
    </div>
  );
}

function ProfileEditForm({
  profile,
  onSaved,
}: {
  profile: AdminProfile;
  onSaved: (p: AdminProfile) => void;
}) {
  const trpc = useTRPC();
  const canWrite = useCanWrite();
  const catalog = useParticipantCatalog();
  const save = useMutation(trpc.admin.profiles.update.mutationOptions());
  const [draft, setDraft] = useState(() => profileDraft(profile));
  const [status, setStatus] = useState(profile.status);
  const [error, setError] = useState<SaveError>(null);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const local = checkProfile(draft);
    setError(local);
    if (local) return;
    try {
      const result = await save.mutateAsync({ _id: profile._id, ...profileInput(draft), status });
      onSaved(result);
      setSaved(true);
    } catch (err) {
      setError(toSaveError(err));
    }
  }

  if (catalog.isError)
    return <Alert tone="error">The participant catalog could not be loaded. Reload the page.</Alert>;
  if (!catalog.data) return <p className="text-sm text-slate-500">Loading…</p>;
  const top = formError(error, SHOWN_PROFILE_FIELDS);
  return (
    <Card title="Profile">
      <Form onSubmit={submit} aria-label="Profile details" className="space-y-5">
        <fieldset disabled={!canWrite} className={`space-y-5 ${readOnlyFieldset}`}>
          {top ? <Alert tone="error">{top}</Alert> : null}
          {saved ? <Alert tone="success">Saved.</Alert> : null}
          <ProfileFields catalog={catalog.data} value={draft} onChange={setDraft} error={error} />
          <div className="max-w-xs">
            <Select
              label="Status"
              value={status}
              onChange={(e) => setStatus(e.target.value as AdminProfile['status'])}
              error={fieldError(error, 'status', 'The status')}
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
