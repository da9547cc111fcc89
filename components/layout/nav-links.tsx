'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

type NavLink = { href: string; label: string };

/** Activity and Admin appear only for those who may open them: no link leads to a refusal. */
export function NavLinks({ showActivity, showAdmin }: { showActivity: boolean; showAdmin: boolean }) {
  const pathname = usePathname();
  const links: NavLink[] = [
    { href: '/', label: 'Home' },
    { href: '/team', label: 'Team' },
    { href: '/profiles', label: 'Profiles' },
    ...(showActivity ? [{ href: '/activity', label: 'Activity' }] : []),
    { href: '/account', label: 'Account' },
    { href: '/api/docs', label: 'API' },
    ...(showAdmin ? [{ href: '/admin', label: 'Admin' }] : []),
  ];
  return (
    <nav aria-label="Main" className="-mb-px flex flex-wrap items-center gap-1 text-sm">
      {links.map((link) => {
        const current = link.href === '/' ? pathname === '/' : pathname.startsWith(link.href);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={current ? 'page' : undefined}
            className={`border-b-2 px-2.5 pt-1.5 pb-2.5 ${
              current
                ? 'border-emerald-700 font-medium text-slate-900'
                : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900'
            }`}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
