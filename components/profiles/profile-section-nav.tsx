'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';

export type ProfileSection = { label: string; href: string; exact?: boolean };

/**
 * The sections of one profile (overview, locations, API keys…) as links: each is its own page, so
 * it can be bookmarked and opened in a new tab. The layout decides which the user may see.
 */
export function ProfileSectionNav({ sections }: { sections: readonly ProfileSection[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Profile sections" className="-mx-1 overflow-x-auto border-b border-border">
      <ul className="flex min-w-max gap-1 px-1">
        {sections.map((section) => {
          const current = section.exact ? pathname === section.href : pathname.startsWith(section.href);
          return (
            <li key={section.href}>
              <Link
                href={section.href}
                aria-current={current ? 'page' : undefined}
                className={cn(
                  'inline-flex h-10 items-center border-b-2 px-3 text-sm font-medium',
                  current
                    ? 'border-primary text-foreground'
                    : 'border-transparent text-muted-foreground hover:text-foreground',
                )}
              >
                {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
