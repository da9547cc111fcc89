'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { type FormEvent, useRef, useState } from 'react';
import { useTRPC } from '../../trpc/client';
import { fieldError, formError, type SaveError, toSaveError } from '../../trpc/save-error';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { Form } from '../../ui/form';
import { Input } from '../../ui/input';
import {
  checkRoleLink,
  emptyRoleLink,
  type RoleLinkDraft,
  type RoleLinkErrors,
  RoleLinkFields,
  roleLinkErrors,
  toRoleLinkInput,
} from './role-link-fields';

const SHOWN = ['email', 'firstName', 'lastName', 'password', 'roleLinks'];

type Row = { key: number; draft: RoleLinkDraft };

/** A new account with a temporary password (changed at first sign-in) and, if wanted, its roles. */
export function UserCreateForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.admin.users.create.mutationOptions());
  const nextKey = useRef(0);
  const [email, setEmail] = useState('');
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [password, setPassword] = useState('');
  const [rows, setRows] = useState<Row[]>([]);
  const [error, setError] = useState<SaveError>(null);
  const [rowProblems, setRowProblems] = useState<RoleLinkErrors[]>([]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = rows.map((row) => checkRoleLink(row.draft));
    const fields: Record<string, string> = {};
    if (!email.trim()) fields.email = 'is required';
    if (!password) fields.password = 'is required';
    setRowProblems(problems);
    setError(Object.keys(fields).length ? { code: 'LOCAL', message: '', fields } : null);
    if (Object.keys(fields).length || problems.some((p) => Object.keys(p).length)) return;
    try {
      const user = await create.mutateAsync({
        email: email.trim(),
        firstName: firstName.trim() || undefined,
        lastName: lastName.trim() || undefined,
        password,
        roleLinks: rows.length ? rows.map((row) => toRoleLinkInput(row.draft)) : undefined,
      });
      router.push(`/admin/users/${user._id}`);
    } catch (err) {
      setError(toSaveError(err));
    }
  }

  function addRow() {
    nextKey.current += 1;
    setRows([...rows, { key: nextKey.current, draft: emptyRoleLink }]);
  }

  const top = formError(error, SHOWN);
  return (
    <Card>
      <Form onSubmit={submit} aria-label="New user" className="space-y-5">
        {top ? <Alert tone="error">{top}</Alert> : null}
        <Input
          label="Email"
          type="email"
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldError(error, 'email', 'The email')}
          required
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <Input
            label="First name"
            value={firstName}
            onChange={(e) => setFirstName(e.target.value)}
            error={fieldError(error, 'firstName', 'The first name')}
          />
          <Input
            label="Last name"
            value={lastName}
            onChange={(e) => setLastName(e.target.value)}
            error={fieldError(error, 'lastName', 'The last name')}
          />
        </div>
        <Input
          label="Temporary password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldError(error, 'password', 'The password')}
          hint="At least 12 characters. The user must change it at the first sign-in."
          required
        />
        <fieldset className="space-y-4">
          <legend className="mb-2 text-sm font-medium text-foreground">Roles (optional)</legend>
          {rows.map((row, i) => (
            <div key={row.key} className="space-y-3 rounded-md border border-border p-4">
              <RoleLinkFields
                value={row.draft}
                onChange={(draft) => setRows(rows.map((r) => (r.key === row.key ? { ...r, draft } : r)))}
                errors={{ ...roleLinkErrors(error, `roleLinks.${i}`), ...rowProblems[i] }}
              />
              <Button
                variant="ghost"
                onClick={() => {
                  setRows(rows.filter((r) => r.key !== row.key));
                  setRowProblems([]);
                }}
              >
                Remove this role
              </Button>
            </div>
          ))}
          <Button variant="secondary" onClick={addRow}>
            Add a role
          </Button>
        </fieldset>
        <Button type="submit" pending={create.isPending}>
          Create user
        </Button>
      </Form>
    </Card>
  );
}
