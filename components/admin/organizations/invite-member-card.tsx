'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { type FormEvent, type ReactNode, useState } from 'react';
import {
  checkInvite,
  emptyInvite,
  type InviteDraft,
  type InviteErrors,
  InviteFields,
  inviteFieldErrors,
  inviteInput,
} from '@/components/members/invite-fields';
import { describeMemberError } from '@/components/members/member-errors';
import { useTRPC } from '../../trpc/client';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { Checkbox } from '../../ui/checkbox';
import { Form } from '../../ui/form';
import { useCanWrite } from '../access';

const ADMIN_ROLES = ['default.organization.admin', 'default.organization.member'] as const;

type Draft = InviteDraft & { makeAdmin: boolean };
type Outcome = { tone: 'success' | 'warning' | 'error'; message: ReactNode } | null;

const emptyDraft: Draft = { ...emptyInvite, makeAdmin: false };

/**
 * Invites a person and, when asked, makes them an organization administrator, so an organization
 * the platform staff just created (with nobody in it) gets someone who can run its team.
 */
function useInvite(organizationId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invite = useMutation(trpc.members.invite.mutationOptions());
  const setRoles = useMutation(trpc.members.setRoles.mutationOptions());

  async function send(draft: Draft): Promise<{ fields: InviteErrors; outcome: Outcome }> {
    let member: Awaited<ReturnType<typeof invite.mutateAsync>>;
    try {
      member = await invite.mutateAsync({ organizationId, ...inviteInput(draft) });
    } catch (error) {
      const fields = inviteFieldErrors(error);
      return {
        fields: fields ?? {},
        outcome: fields ? null : { tone: 'error', message: describeMemberError(error) },
      };
    }
    const sent = `Invitation sent to ${member.email}. The link works for 7 days.`;
    let outcome: Outcome = { tone: 'success', message: sent };
    if (draft.makeAdmin) {
      try {
        await setRoles.mutateAsync({
          organizationId,
          userId: member._id,
          defaultRoleCodes: [...ADMIN_ROLES],
        });
        outcome = { tone: 'success', message: `${sent} They will be an organization administrator.` };
      } catch (error) {
        outcome = {
          tone: 'warning',
          message: <AdminRoleFailed sent={sent} userId={member._id} error={error} />,
        };
      }
    }
    await queryClient.invalidateQueries({
      queryKey: trpc.admin.organizations.get.queryKey({ _id: organizationId }),
    });
    return { fields: {}, outcome };
  }

  return { send, pending: invite.isPending || setRoles.isPending };
}

function AdminRoleFailed({ sent, userId, error }: { sent: string; userId: string; error: unknown }) {
  return (
    <>
      {sent} They could not be made an organization administrator: {describeMemberError(error)} Add the role
      from{' '}
      <Link href={`/admin/users/${userId}`} className="font-medium underline">
        their user page
      </Link>
      .
    </>
  );
}

/** The admin console's way into an organization: staff are not members, so they invite its first people. */
export function InviteMemberCard({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const canWrite = useCanWrite();
  // The organization page's own query, read from the cache (never fetched here), so an archive
  // or restore on the page shows at once.
  const { data: organization } = useQuery({
    ...trpc.admin.organizations.get.queryOptions({ _id: organizationId }),
    enabled: false,
  });
  const { send, pending } = useInvite(organizationId);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [errors, setErrors] = useState<InviteErrors>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  if (!canWrite) return null;
  if (organization?.status === 'archive') {
    return (
      <Card
        title="Invite a person"
        description="This organization is archived: restore it before inviting anyone, or they would join an organization that grants nothing."
      />
    );
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setOutcome(null);
    const problems = checkInvite(draft);
    setErrors(problems ?? {});
    if (problems) return;
    const result = await send(draft);
    setErrors(result.fields);
    setOutcome(result.outcome);
    if (result.outcome && result.outcome.tone !== 'error') setDraft(emptyDraft);
  }

  return (
    <Card
      title="Invite a person"
      description="They get an email with a link to set a password and join this organization."
    >
      <Form onSubmit={submit} aria-label="Invite a person" className="space-y-4">
        {outcome ? <Alert tone={outcome.tone}>{outcome.message}</Alert> : null}
        <InviteFields value={draft} onChange={(next) => setDraft({ ...draft, ...next })} errors={errors} />
        <Checkbox
          label="Make organization administrator"
          hint="They will manage the team, the profiles and the activity log."
          checked={draft.makeAdmin}
          onChange={(e) => setDraft({ ...draft, makeAdmin: e.target.checked })}
        />
        <Button type="submit" pending={pending}>
          Send invitation
        </Button>
      </Form>
    </Card>
  );
}
