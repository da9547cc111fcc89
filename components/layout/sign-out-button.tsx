'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { Button, type ButtonProps } from '../ui/button';
import { useHydrated } from '../ui/form';

/**
 * Signing out ends the session row too (next-auth's signOut event), not only the cookie. The
 * button waits for React: a click before hydration would do nothing.
 */
export function SignOutButton({ variant = 'secondary', children = 'Sign out' }: ButtonProps) {
  const hydrated = useHydrated();
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant={variant}
      pending={pending}
      disabled={!hydrated}
      onClick={async () => {
        setPending(true);
        await signOut({ callbackUrl: '/sign-in' });
      }}
    >
      {children}
    </Button>
  );
}
