'use client';

import { type FormEvent, useState } from 'react';
import { type SaveError, toSaveError } from '../trpc/save-error';
import { checkProfile, type ProfileDraft, profileDraft } from './profile-fields';

/**
 * A profile form's draft and errors: the browser's own check first, then `save`; what the server
 * refuses comes back as field errors that ProfileFields shows beside each field.
 */
export function useProfileForm(
  initial: Parameters<typeof profileDraft>[0],
  save: (draft: ProfileDraft) => Promise<void>,
) {
  const [draft, setDraft] = useState(() => profileDraft(initial));
  const [error, setError] = useState<SaveError>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const local = checkProfile(draft);
    setError(local);
    if (local) return;
    try {
      await save(draft);
    } catch (err) {
      setError(toSaveError(err));
    }
  }

  return { draft, setDraft, error, submit };
}
