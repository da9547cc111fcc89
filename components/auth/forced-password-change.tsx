'use client';

import { useRouter } from 'next/navigation';
import { ChangePasswordForm } from './change-password-form';

export function ForcedPasswordChange() {
  const router = useRouter();
  return <ChangePasswordForm submitLabel="Save and continue" onDone={() => router.replace('/')} />;
}
