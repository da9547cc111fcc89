import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ForcedPasswordChange } from '@/components/auth/forced-password-change';
import { AuthShell } from '@/components/layout/auth-shell';
import { SignOutButton } from '@/components/layout/sign-out-button';
import { getCurrentPrincipal } from '@/server/modules/auth/current-principal';

export const metadata: Metadata = { title: 'Choose a new password' };

/** Where a session that must change its password is sent; it can do nothing else first. */
export default async function ChangePasswordPage() {
  const actor = await getCurrentPrincipal();
  if (!actor) redirect('/sign-in');
  if (!actor.session.restricted) redirect('/account');
  return (
    <AuthShell
      title="Choose a new password"
      description={
        <>
          Your password for <strong>{actor.email}</strong> was set for you. Choose your own before you go on.
        </>
      }
    >
      <ForcedPasswordChange />
      <div className="mt-6 border-t border-border pt-4 text-sm text-muted-foreground">
        Not you? <SignOutButton variant="ghost">Sign out</SignOutButton>
      </div>
    </AuthShell>
  );
}
