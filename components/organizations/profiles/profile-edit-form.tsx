'use client';

import { useMutation } from '@tanstack/react-query';
import { ProfileFields, profileInput, SHOWN_PROFILE_FIELDS } from '../../profiles/profile-fields';
import { useProfileForm } from '../../profiles/use-profile-form';
import { useTRPC } from '../../trpc/client';
import { formError } from '../../trpc/save-error';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Form } from '../../ui/form';
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
  const form = useProfileForm(profile, async (draft) =>
    onSaved(await save.mutateAsync({ _id: profile._id, ...profileInput(draft) })),
  );

  const top = formError(form.error, SHOWN_PROFILE_FIELDS);
  return (
    <Form onSubmit={form.submit} className="space-y-5" aria-label={`Edit ${profile.name}`}>
      {top ? <Alert tone="error">{top}</Alert> : null}
      <ProfileFields value={form.draft} onChange={form.setDraft} error={form.error} />
      <div className="flex gap-3">
        <Button type="submit" pending={save.isPending}>
          Save profile
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </Form>
  );
}
