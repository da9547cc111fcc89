'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { setActiveOrganizationCookie } from '@/components/organizations/active-organization-cookie';
import type { MyInvitation as Invitation } from '@/components/organizations/types';
import { useTRPC } from '@/components/trpc/client';
import { readError } from '@/components/trpc/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';

const day = (iso: string) => iso.slice(0, 10);

/**
 * The signed-in person's pending invitations on the dashboard. Accepting joins at once (the
 * session proves who they are) and switches the dashboard to that organization.
 */
export function PendingInvitations({ invitations }: { invitations: Invitation[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const accept = useMutation(trpc.members.invitations.acceptMine.mutationOptions());
  const decline = useMutation(trpc.members.invitations.decline.mutationOptions());
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [, startTransition] = useTransition();

  if (invitations.length === 0) return null;

  async function answer(invitation: Invitation, join: boolean) {
    setFailure(null);
    setBusy(invitation.organizationId);
    try {
      const input = { organizationId: invitation.organizationId };
      if (join) {
        await accept.mutateAsync(input);
        setActiveOrganizationCookie(invitation.organizationId);
      } else await decline.mutateAsync(input);
      startTransition(() => {
        router.refresh();
        void queryClient.invalidateQueries();
      });
    } catch (error) {
      const e = readError(error);
      setFailure(
        e.code === 'INVITATION_INVALID'
          ? 'This invitation is no longer open (it expired, was cancelled or already answered).'
          : e.message,
      );
      router.refresh();
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card title="Invitations" description="Organizations that invited you. You join only if you accept.">
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <ul className="divide-y divide-border" aria-label="Pending invitations">
        {invitations.map((invitation) => (
          <li
            key={invitation.organizationId}
            className="flex flex-wrap items-center justify-between gap-3 py-3"
          >
            <div className="text-sm">
              <p className="font-medium text-foreground">{invitation.organizationName}</p>
              <p className="text-muted-foreground">
                {invitation.invitedBy ? `Invited by ${invitation.invitedBy}. ` : ''}Open until{' '}
                {day(invitation.expiresAt)}.
              </p>
            </div>
            <div className="flex gap-2">
              <Button
                pending={busy === invitation.organizationId && accept.isPending}
                disabled={busy !== null}
                onClick={() => answer(invitation, true)}
                aria-label={`Accept the invitation to ${invitation.organizationName}`}
              >
                Accept
              </Button>
              <Button
                variant="secondary"
                pending={busy === invitation.organizationId && decline.isPending}
                disabled={busy !== null}
                onClick={() => answer(invitation, false)}
                aria-label={`Decline the invitation to ${invitation.organizationName}`}
              >
                Decline
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}
