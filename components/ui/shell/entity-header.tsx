import { ChevronRight } from 'lucide-react';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Badge, type BadgeTone } from '../badge';
import { cn } from '../cn';

export type EntityFact = { label: string; value: ReactNode };

/**
 * The top of a record's page: where it sits (breadcrumbs), its name and status, the few facts
 * people look for first, and its primary actions on the right (below the title on a phone).
 */
export function EntityHeader({
  title,
  status,
  facts = [],
  actions,
  breadcrumbs = [],
  icon,
  className,
}: {
  title: ReactNode;
  status?: { label: string; tone?: BadgeTone };
  facts?: EntityFact[];
  actions?: ReactNode;
  breadcrumbs?: { label: string; href: string }[];
  /** an avatar or icon before the title */
  icon?: ReactNode;
  className?: string;
}) {
  return (
    <header className={cn('space-y-3', className)}>
      {breadcrumbs.length ? (
        <nav aria-label="Breadcrumb">
          <ol className="flex flex-wrap items-center gap-1 text-body text-muted-foreground">
            {breadcrumbs.map((crumb) => (
              <li key={crumb.href} className="flex items-center gap-1">
                <Link
                  href={crumb.href}
                  className="focus-ring rounded-sm hover:text-foreground hover:underline"
                >
                  {crumb.label}
                </Link>
                <ChevronRight aria-hidden="true" className="size-3.5" />
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-3">
        <div className="flex min-w-0 items-start gap-3">
          {icon ? <div className="shrink-0">{icon}</div> : null}
          <div className="min-w-0 space-y-2">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <h1 className="text-display break-words">{title}</h1>
              {status ? (
                <Badge tone={status.tone} dot>
                  {status.label}
                </Badge>
              ) : null}
            </div>
            {facts.length ? (
              <dl className="flex flex-wrap gap-x-6 gap-y-1 text-body">
                {facts.map((fact) => (
                  <div key={fact.label} className="flex min-w-0 gap-1.5">
                    <dt className="text-muted-foreground">{fact.label}</dt>
                    <dd className="min-w-0 break-words">{fact.value}</dd>
                  </div>
                ))}
              </dl>
            ) : null}
          </div>
        </div>
        {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
    </header>
  );
}
