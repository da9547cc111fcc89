'use client';

import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTRPC } from '../../trpc/client';
import { fieldError, formError, type SaveError, toSaveError } from '../../trpc/save-error';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { Form } from '../../ui/form';
import { Input } from '../../ui/input';
import { Select } from '../../ui/select';
import { readOnlyFieldset, useCanWrite } from '../access';
import type { AdminUser } from '../types';

const SHOWN = ['firstName', 'lastName', 'email', 'status'];

/** Names, email and status; disabling the account ends its sessions and blocks sign-in. */
export function UserDetailsForm({ user, onSaved }: { user: AdminUser; onSaved: () => void }) {
  const trpc = useTRPC();
  const canWrite = useCanWrite();
  const save = useMutation(trpc.admin.users.update.mutationOptions());
  const [firstName, setFirstName] = useState(user.firstName);
  const [lastName, setLastName] = useState(user.lastName);
  const [email, setEmail] = useState(user.email);
  const [status, setStatus] = useState(user.status);
  const [error, setError] = useState<SaveError>(null);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    if (!email.trim()) return setError({ code: 'LOCAL', message: '', fields: { email: 'is required' } });
    setError(null);
    try {
      await save.mutateAsync({
        _id: user._id,
        firstName: firstName.trim(),
        lastName: lastName.trim(),
        email: email.trim(),
        status,
      });
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(toSaveError(err));
    }
  }

  const top = formError(error, SHOWN);
  return (
    <Card title="Details">
      <Form onSubmit={submit} aria-label="User details" className="space-y-4">
        <fieldset disabled={!canWrite} className={`space-y-4 ${readOnlyFieldset}`}>
          {top ? <Alert tone="error">{top}</Alert> : null}
          {saved ? <Alert tone="success">Saved.</Alert> : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <Input
              label="First name"
              value={firstName}
              onChange={(e) => setFirstName(e.target.value)}
              error={fieldError(error, 'firstName', 'The first name')}
              autoComplete="off"
            />
            <Input
              label="Last name"
              value={lastName}
              onChange={(e) => setLastName(e.target.value)}
              error={fieldError(error, 'lastName', 'The last name')}
              autoComplete="off"
            />
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <Input
              label="Email"
              type="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              error={fieldError(error, 'email', 'The email')}
              autoComplete="off"
              required
            />
            <Select
              label="Status"
              value={status}
              onChange={(e) => setStatus(e.target.value as AdminUser['status'])}
              error={fieldError(error, 'status', 'The status')}
              hint="Disabled ends every session and blocks sign-in."
            >
              <option value="active">Active</option>
              <option value="disabled">Disabled</option>
            </Select>
          </div>
          {canWrite ? (
            <Button type="submit" pending={save.isPending}>
              Save details
            </Button>
          ) : null}
        </fieldset>
      </Form>
    </Card>
  );
}
