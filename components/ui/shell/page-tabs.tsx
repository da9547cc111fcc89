import Link from 'next/link';
import { cn } from '../cn';
import { tabClass } from '../styles';

export type PageTab = { label: string; href: string; count?: number; exact?: boolean };

/**
 * A record's sections as links (Overview, Profiles, Members, Activity, Settings): each tab is its
 * own URL, so it can be shared and the back button works. Scrolls sideways inside itself on a phone.
 */
export function PageTabs({
  tabs,
  currentPath,
  label = 'Sections',
  className,
}: {
  tabs: PageTab[];
  currentPath: string;
  label?: string;
  className?: string;
}) {
  // the longest matching href wins, so /org/1 (Overview) is not active on /org/1/members
  const active = tabs
    .filter((tab) =>
      tab.exact
        ? currentPath === tab.href
        : currentPath === tab.href || currentPath.startsWith(`${tab.href}/`),
    )
    .sort((a, b) => b.href.length - a.href.length)[0];
  return (
    <nav aria-label={label} className={cn('border-b border-border', className)}>
      <ul className="-mb-px flex max-w-full gap-1 overflow-x-auto [scrollbar-width:none]">
        {tabs.map((tab) => {
          const current = tab === active;
          return (
            <li key={tab.href} className="shrink-0">
              <Link
                href={tab.href}
                aria-current={current ? 'page' : undefined}
                className={cn(tabClass, 'mb-0', current && 'border-primary text-foreground')}
              >
                {tab.label}
                {tab.count !== undefined ? (
                  <span className="rounded-full bg-muted px-1.5 text-caption text-muted-foreground tabular-nums">
                    {tab.count}
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
