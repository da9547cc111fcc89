'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { formatDateTime } from '@/components/format';
import { AcceptInvitationForm } from '@/components/members/invitations/accept-invitation-form';
import { useTRPC } from '@/components/trpc/client';
import { readError } from '@/components/trpc/errors';
import { Alert } from '@/components/ui/alert';
import { useForgetUrlToken } from '@/components/use-forget-url-token';

function DeadInvitation() {
  return (
    <div className="space-y-4">
      <Alert tone="error" title="This invitation does not work">
        It was already used, cancelled or replaced by a newer one, or it is more than 7 days old. Ask the
        person who invited you for a new invitation.
      </Alert>
      <p className="text-sm text-muted-foreground">
        Already joined?{' '}
        <Link href="/sign-in" className="font-medium text-link hover:underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}

/** Who the invitation is for and from whom, then the form that joins and signs in. */
export function AcceptInvitation({ token }: { token: string }) {
  useForgetUrlToken();
  const trpc = useTRPC();
  const preview = useQuery(
    trpc.members.invitations.preview.queryOptions({ token }, { enabled: token !== '' }),
  );

  if (!token) return <DeadInvitation />;
  if (preview.isPending) return <p className="text-sm text-muted-foreground">Loading your invitation…</p>;
  if (preview.isError) {
    const e = readError(preview.error);
    if (e.code === 'LINK_INVALID' || e.code === 'VALIDATION_FAILED') return <DeadInvitation />;
    return <Alert tone="error">{e.message}</Alert>;
  }

  const invitation = preview.data;
  return (
    <div className="space-y-5">
      <div className="space-y-1.5 text-sm text-foreground">
        <p>
          {invitation.firstName ? `${invitation.firstName}, you` : 'You'} are invited to join{' '}
          <strong className="text-foreground">{invitation.organizationName}</strong> on Provena.
        </p>
        <p className="text-xs text-muted-foreground">
          This invitation works until {formatDateTime(invitation.expiresAt)}.
        </p>
      </div>
      <AcceptInvitationForm
        token={token}
        email={invitation.email}
        organizationName={invitation.organizationName}
        needsPassword={invitation.needsPassword}
      />
    </div>
  );
}
