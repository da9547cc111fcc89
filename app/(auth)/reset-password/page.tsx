import type { Metadata } from 'next';
import { ResetPasswordForm } from '@/components/auth/reset-password-form';
import { AuthShell } from '@/components/layout/auth-shell';

export const metadata: Metadata = { title: 'Choose a new password', referrer: 'no-referrer' };

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string }>;
}) {
  const { token } = await searchParams;
  return (
    <AuthShell title="Choose a new password" description="Two-factor sign-in, if you use it, stays as it is.">
      <ResetPasswordForm token={typeof token === 'string' ? token : ''} />
    </AuthShell>
  );
}
