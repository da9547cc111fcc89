'use client';

import { useMutation } from '@tanstack/react-query';
import { ProfileFields, profileInput, SHOWN_PROFILE_FIELDS } from '../../profiles/profile-fields';
import { useProfileForm } from '../../profiles/use-profile-form';
import { useTRPC } from '../../trpc/client';
import { formError } from '../../trpc/save-error';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Form } from '../../ui/form';
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
  const form = useProfileForm(undefined, async (draft) => {
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
  });

  const top = formError(form.error, SHOWN_PROFILE_FIELDS);
  return (
    <Form onSubmit={form.submit} aria-label="New profile" className="space-y-5">
      <h3 className="text-sm font-semibold text-slate-900">New profile</h3>
      {top ? <Alert tone="error">{top}</Alert> : null}
      <ProfileFields value={form.draft} onChange={form.setDraft} error={form.error} withTypes />
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
