import type { ReactNode } from 'react';

/**
 * The body of a not-found or error page: a code, a title, what happened and the ways out. It sits
 * inside the shell for a signed-in person and on the signed-out frame otherwise.
 */
export function StatusPanel({
  code,
  title,
  children,
  actions,
}: {
  code: string;
  title: string;
  children: ReactNode;
  actions: ReactNode;
}) {
  return (
    <div className="mx-auto flex max-w-lg flex-col items-start gap-4 py-12 sm:py-20">
      <p className="text-caption font-semibold tracking-wider text-link uppercase">{code}</p>
      <h1 className="text-display">{title}</h1>
      <div className="space-y-2 text-body-lg text-muted-foreground">{children}</div>
      <div className="mt-2 flex flex-wrap items-center gap-3">{actions}</div>
    </div>
  );
}
