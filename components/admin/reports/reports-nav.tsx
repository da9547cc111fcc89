import Link from 'next/link';
import { buttonClass } from '../../ui/button';

/** The console's reports pages, one header: title, what they are, and their links. */
export function ReportsHeader({
  title,
  description,
  current,
  canWrite,
}: {
  title: string;
  description: string;
  current: 'list' | 'templates' | 'new';
  canWrite: boolean;
}) {
  const links = [
    { key: 'list', href: '/admin/reports', label: 'All reports' },
    { key: 'templates', href: '/admin/reports/templates', label: 'Templates' },
  ] as const;
  return (
    <div className="flex flex-wrap items-start justify-between gap-3">
      <div className="min-w-0">
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{description}</p>
        <nav aria-label="Reports pages" className="mt-2 flex flex-wrap gap-4 text-sm">
          {links.map((link) =>
            link.key === current ? (
              <span key={link.key} aria-current="page" className="font-medium text-foreground">
                {link.label}
              </span>
            ) : (
              <Link
                key={link.key}
                href={link.href}
                className="focus-ring rounded-sm text-link hover:underline"
              >
                {link.label}
              </Link>
            ),
          )}
        </nav>
      </div>
      {canWrite && current !== 'new' ? (
        <Link href="/admin/reports/new" className={buttonClass('primary')}>
          Render a report
        </Link>
      ) : null}
    </div>
  );
}
