import Link from 'next/link';
import type { ReactNode } from 'react';

/** A page's title (with any badges), the link back to its list above it and a line of facts below. */
export function PageHeader({
  title,
  back,
  children,
}: {
  title: ReactNode;
  back?: { href: string; label: string };
  children?: ReactNode;
}) {
  return (
    <div>
      {back ? (
        <Link href={back.href} className="text-sm font-medium text-link hover:underline">
          ← {back.label}
        </Link>
      ) : null}
      <h1
        className={`flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight ${back ? 'mt-2' : ''}`}
      >
        {title}
      </h1>
      {children ? <p className="mt-1 text-sm text-muted-foreground">{children}</p> : null}
    </div>
  );
}
