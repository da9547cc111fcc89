'use client';

import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  checkInvite,
  emptyInvite,
  type InviteErrors,
  InviteFields,
  inviteFieldErrors,
  inviteInput,
} from '@/components/members/invite-fields';
import { describeMemberError } from '@/components/members/member-errors';
import { useTRPC } from '@/components/trpc/client';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Form } from '@/components/ui/form';

/** Emails an invitation link; everyone, with an account or not, joins only by accepting it. */
export function InviteForm({ organizationId, onInvited }: { organizationId: string; onInvited: () => void }) {
  const trpc = useTRPC();
  const invite = useMutation(trpc.members.invite.mutationOptions());
  const [draft, setDraft] = useState(emptyInvite);
  const [errors, setErrors] = useState<InviteErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = checkInvite(draft);
    setDone(null);
    setFailure(null);
    setErrors(problems ?? {});
    if (problems) return;
    try {
      const member = await invite.mutateAsync({ organizationId, ...inviteInput(draft) });
      setDone(`We emailed an invitation to ${member.email}. The link works for 7 days.`);
      setDraft(emptyInvite);
      onInvited();
    } catch (error) {
      const fields = inviteFieldErrors(error);
      setErrors(fields ?? {});
      setFailure(fields ? null : describeMemberError(error));
    }
  }

  return (
    <Card
      title="Invite someone"
      description="They get an email with a link to join this organization as a member."
    >
      <Form onSubmit={submit} className="space-y-4" aria-label="Invite someone">
        {failure ? <Alert tone="error">{failure}</Alert> : null}
        {done ? <Alert tone="success">{done}</Alert> : null}
        <InviteFields value={draft} onChange={setDraft} errors={errors} />
        <Button type="submit" pending={invite.isPending}>
          Send invitation
        </Button>
      </Form>
    </Card>
  );
}
