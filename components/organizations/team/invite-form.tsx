'use client';

import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { checkEmail } from '../../auth/check-email';
import { useTRPC } from '../../trpc/client';
import { readError, sentence } from '../../trpc/errors';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { Form } from '../../ui/form';
import { Input } from '../../ui/input';
import { describeMemberError } from './member-errors';

type Errors = { email?: string; firstName?: string; lastName?: string; form?: string };

/** Emails an invitation link; someone who already has an account is added and told by email. */
export function InviteForm({ organizationId, onInvited }: { organizationId: string; onInvited: () => void }) {
  const trpc = useTRPC();
  const invite = useMutation(trpc.organizationUsers.invite.mutationOptions());
  const [email, setEmail] = useState('');
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems: Errors = {
      email: email.trim() ? checkEmail(email) : 'Enter their email address.',
      firstName: firstName.trim() ? undefined : 'Enter a first name.',
      lastName: lastName.trim() ? undefined : 'Enter a last name.',
    };
    setDone(null);
    if (problems.email || problems.firstName || problems.lastName) return setErrors(problems);
    setErrors({});
    try {
      const member = await invite.mutateAsync({
        organizationId,
        email: email.trim(),
        firstName: firstName.trim(),
        lastName: lastName.trim(),
      });
      setDone(
        member.status === 'active'
          ? `${member.email} already had an account and is now a member. We let them know by email.`
          : `We emailed an invitation to ${member.email}. The link works for 7 days.`,
      );
      setEmail('');
      setFirstName('');
      setLastName('');
      onInvited();
    } catch (error) {
      const e = readError(error);
      const fields = {
        email: sentence('The email', e.fields.email),
        firstName: sentence('The first name', e.fields.firstName),
        lastName: sentence('The last name', e.fields.lastName),
      };
      const anyField = fields.email || fields.firstName || fields.lastName;
      setErrors({ ...fields, form: anyField ? undefined : describeMemberError(error) });
    }
  }

  return (
    <Card
      title="Invite someone"
      description="They get an email with a link to join this organization as a member."
    >
      <Form onSubmit={submit} className="space-y-4" aria-label="Invite someone">
        {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
        {done ? <Alert tone="success">{done}</Alert> : null}
        <div className="grid gap-4 sm:grid-cols-3">
          <Input
            label="Email"
            type="email"
            name="email"
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={errors.email}
          />
          <Input
            label="First name"
            name="firstName"
            autoComplete="off"
            value={firstName}
            onChange={(e) => setFirstName(e.target.value)}
            error={errors.firstName}
          />
          <Input
            label="Last name"
            name="lastName"
            autoComplete="off"
            value={lastName}
            onChange={(e) => setLastName(e.target.value)}
            error={errors.lastName}
          />
        </div>
        <Button type="submit" pending={invite.isPending}>
          Send invitation
        </Button>
      </Form>
    </Card>
  );
}
