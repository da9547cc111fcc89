import type { ReactNode } from 'react';
import { Logo } from './logo';

/** The frame of a status page for someone signed out: the logo over the page, no sidebar. */
export function BareFrame({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-dvh bg-background px-4 py-8 text-foreground sm:px-8">
      <Logo />
      <main id="content">{children}</main>
    </div>
  );
}
