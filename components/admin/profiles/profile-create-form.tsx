'use client';

import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTRPC } from '../../trpc/client';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Form } from '../../ui/form';
import { formError, type SaveError, toSaveError } from '../errors';
import { useParticipantCatalog } from '../roles';
import type { AdminProfile } from '../types';
import {
  checkProfile,
  ProfileFields,
  profileDraft,
  profileInput,
  SHOWN_PROFILE_FIELDS,
} from './profile-fields';

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
  const catalog = useParticipantCatalog();
  const create = useMutation(trpc.admin.profiles.create.mutationOptions());
  const [draft, setDraft] = useState(() => profileDraft());
  const [error, setError] = useState<SaveError>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const local = checkProfile(draft);
    setError(local);
    if (local) return;
    const input = profileInput(draft);
    try {
      onCreated(
        await create.mutateAsync({
          ...input,
          organizationId,
          taxId: input.taxId || undefined,
          duns: input.duns || undefined,
        }),
      );
    } catch (err) {
      setError(toSaveError(err));
    }
  }

  if (!catalog.data) return <p className="text-sm text-slate-500">Loading…</p>;
  const top = formError(error, SHOWN_PROFILE_FIELDS);
  return (
    <Form onSubmit={submit} aria-label="New profile" className="space-y-5">
      <h3 className="text-sm font-semibold text-slate-900">New profile</h3>
      {top ? <Alert tone="error">{top}</Alert> : null}
      <ProfileFields catalog={catalog.data} value={draft} onChange={setDraft} error={error} />
      <div className="flex gap-3">
        <Button type="submit" pending={create.isPending}>
          Create profile
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </Form>
  );
}
