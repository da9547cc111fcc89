'use client';

import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTRPC } from '../../trpc/client';
import { readError, sentence } from '../../trpc/errors';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Form } from '../../ui/form';
import { Input } from '../../ui/input';
import type { Profile } from '../types';
import { measurerWithoutStandard, ParticipantTagsEditor } from './participant-tags-editor';

type Errors = { name?: string; taxId?: string; duns?: string; form?: string };

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
  const [name, setName] = useState(profile.name);
  const [taxId, setTaxId] = useState(profile.taxId);
  const [duns, setDuns] = useState(profile.duns);
  const [tags, setTags] = useState(profile.participantTags);
  const [errors, setErrors] = useState<Errors>({});

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!name.trim()) return setErrors({ name: 'Enter a name.' });
    if (duns.trim() && !/^\d{9}$/.test(duns.trim()))
      return setErrors({ duns: 'A DUNS number is 9 digits. Leave it empty to clear it.' });
    const missing = measurerWithoutStandard(tags);
    if (missing) return setErrors({ form: missing });
    setErrors({});
    try {
      onSaved(
        await save.mutateAsync({
          _id: profile._id,
          name: name.trim(),
          taxId: taxId.trim(),
          duns: duns.trim(),
          participantTags: tags,
        }),
      );
    } catch (error) {
      const e = readError(error);
      const rest = Object.entries(e.fields).filter(([path]) => !['name', 'taxId', 'duns'].includes(path));
      setErrors({
        name: sentence('The name', e.fields.name),
        taxId: sentence('The tax id', e.fields.taxId),
        duns: sentence('The DUNS number', e.fields.duns),
        form:
          rest.length > 0
            ? rest.map(([path, message]) => `${path} ${message}.`).join(' ')
            : Object.keys(e.fields).length
              ? undefined
              : e.message,
      });
    }
  }

  return (
    <Form onSubmit={submit} className="space-y-5" aria-label={`Edit ${profile.name}`}>
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <Input
        label="Name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.name}
        required
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <Input
          label="Tax id"
          value={taxId}
          onChange={(e) => setTaxId(e.target.value)}
          error={errors.taxId}
          hint="Such as a US EIN. Leave empty to clear it."
        />
        <Input
          label="DUNS number"
          inputMode="numeric"
          value={duns}
          onChange={(e) => setDuns(e.target.value)}
          error={errors.duns}
          hint="9 digits. Leave empty to clear it."
        />
      </div>
      <ParticipantTagsEditor value={tags} onChange={setTags} />
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
