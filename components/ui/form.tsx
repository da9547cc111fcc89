'use client';

import { type FormHTMLAttributes, useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/** false in the server's HTML, true once React runs in the browser. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

/**
 * A form whose fields wait for React: typed before hydration, a value would sit in the DOM but
 * not in state and be lost; submitted before it, the browser would send it natively. method=post
 * keeps a password out of the URL even then.
 */
export function Form({ className = '', children, ...props }: FormHTMLAttributes<HTMLFormElement>) {
  const hydrated = useHydrated();
  return (
    <form method="post" noValidate {...props}>
      <fieldset disabled={!hydrated} className={`min-w-0 ${className}`}>
        {children}
      </fieldset>
    </form>
  );
}
