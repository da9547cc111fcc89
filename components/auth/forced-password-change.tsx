'use client';

import { useRouter } from 'next/navigation';
import { toastSaved } from '../ui/toast';
import { ChangePasswordForm } from './change-password-form';

export function ForcedPasswordChange() {
  const router = useRouter();
  return (
    <ChangePasswordForm
      submitLabel="Save and continue"
      focusFirst
      onDone={() => {
        toastSaved('Password', 'Your other sessions were signed out.', 'changed');
        router.replace('/');
      }}
    />
  );
}
