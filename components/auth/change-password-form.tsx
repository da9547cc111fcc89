'use client';

import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTRPC } from '../trpc/client';
import { readError, sentence, waitText } from '../trpc/errors';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Form } from '../ui/form';
import { Input } from '../ui/input';
import { NewPasswordFields } from './new-password-fields';

type Field = 'oldPassword' | 'password' | 'confirm' | 'form';

/** Old, new and confirm; the server's policy errors land under the field they concern. */
export function ChangePasswordForm({
  submitLabel = 'Change password',
  onDone,
}: {
  submitLabel?: string;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const change = useMutation(trpc.auth.changePassword.mutationOptions());
  const [oldPassword, setOldPassword] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const local: Partial<Record<Field, string>> = {};
    if (!oldPassword) local.oldPassword = 'Enter your current password.';
    if (!password) local.password = 'Choose a new password.';
    else if (confirm !== password) local.confirm = 'The two new passwords differ.';
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    try {
      await change.mutateAsync({ oldPassword, password });
      setOldPassword('');
      setPassword('');
      setConfirm('');
      onDone();
    } catch (error) {
      const e = readError(error);
      if (e.code === 'RATE_LIMITED') {
        setErrors({ form: `Too many failed attempts. Try again in ${waitText(e.retryAfterSeconds ?? 60)}.` });
        return;
      }
      const fields = {
        oldPassword: sentence('The current password', e.fields.oldPassword),
        password: sentence('The new password', e.fields.password),
      };
      setErrors(fields.oldPassword || fields.password ? fields : { form: e.message });
    }
  }

  return (
    <Form onSubmit={submit} className="space-y-4">
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <Input
        label="Current password"
        type="password"
        name="oldPassword"
        autoComplete="current-password"
        value={oldPassword}
        onChange={(e) => setOldPassword(e.target.value)}
        error={errors.oldPassword}
      />
      <NewPasswordFields
        password={password}
        confirm={confirm}
        onPassword={setPassword}
        onConfirm={setConfirm}
        errors={errors}
      />
      <Button type="submit" pending={change.isPending}>
        {submitLabel}
      </Button>
    </Form>
  );
}
