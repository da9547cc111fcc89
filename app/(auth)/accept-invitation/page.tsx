import type { Metadata } from 'next';
import { AuthShell } from '@/components/layout/auth-shell';
import { AcceptInvitation } from '@/components/members/invitations/accept-invitation';

// The token is in the URL: no referrer, so links on this page cannot leak it.
export const metadata: Metadata = { title: 'Accept your invitation', referrer: 'no-referrer' };

/** Reached signed out, from the invitation email; the token is the only credential. */
export default async function AcceptInvitationPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string }>;
}) {
  const { token } = await searchParams;
  return (
    <AuthShell title="Accept your invitation">
      <AcceptInvitation token={typeof token === 'string' ? token : ''} />
    </AuthShell>
  );
}
