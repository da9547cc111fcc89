import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { localPath } from '@/components/auth/local-path';
import { SignInForm } from '@/components/auth/sign-in-form';
import { AuthShell } from '@/components/layout/auth-shell';
import { Alert } from '@/components/ui/alert';
import { getRuntime } from '@/server/core/runtime';
import { getCurrentPrincipal } from '@/server/modules/auth/current-principal';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; callbackUrl?: string }>;
}) {
  const actor = await getCurrentPrincipal();
  if (actor) redirect(actor.session.restricted ? '/change-password' : '/');
  // next-auth sends failures it cannot return to the form (an expired form, a server error) here.
  const { error, callbackUrl } = await searchParams;
  return (
    <AuthShell title="Sign in" description="Welcome back to Provena.">
      {error ? (
        <div className="mb-5">
          <Alert tone="error">Signing in did not work. Please try again.</Alert>
        </div>
      ) : null}
      <SignInForm devMailbox={getRuntime().config.appEnv === 'development'} next={localPath(callbackUrl)} />
    </AuthShell>
  );
}
