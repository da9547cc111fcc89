import type { ReactNode } from 'react';
import { Logo } from './logo';

/** The frame of the signed-out pages: the product name over one centered card. */
export function AuthShell({
  title,
  description,
  children,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <main className="flex min-h-screen flex-col items-center px-4 py-16">
      <Logo />
      <div className="mt-8 w-full max-w-sm rounded-lg border border-border bg-card p-6 shadow-sm sm:p-8">
        <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
        {description ? <p className="mt-1.5 text-sm text-muted-foreground">{description}</p> : null}
        <div className="mt-6">{children}</div>
      </div>
    </main>
  );
}
