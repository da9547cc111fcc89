'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useTransition } from 'react';
import { useHydrated } from '../ui/form';
import { setActiveOrganizationCookie } from './active-organization-cookie';

type Membership = { organizationId: string; name: string };

/**
 * Picks the organization the dashboard shows. The choice lives in a cookie that the server reads
 * on every request, so server-rendered pages and tRPC calls both follow it after a refresh.
 */
export function OrganizationSwitcher({
  memberships,
  activeOrganizationId,
}: {
  memberships: Membership[];
  activeOrganizationId: string | null;
}) {
  const id = useId();
  const router = useRouter();
  const queryClient = useQueryClient();
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();

  if (memberships.length === 1) {
    return (
      <span className="truncate text-sm font-medium text-slate-800">
        <span className="sr-only">Organization: </span>
        {memberships[0]!.name}
      </span>
    );
  }

  function choose(organizationId: string) {
    setActiveOrganizationCookie(organizationId);
    startTransition(() => {
      router.refresh();
      void queryClient.invalidateQueries();
    });
  }

  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="sr-only">
        Organization
      </label>
      <select
        id={id}
        value={activeOrganizationId ?? ''}
        onChange={(e) => choose(e.target.value)}
        disabled={!hydrated || pending}
        aria-busy={pending || undefined}
        className="max-w-56 truncate rounded-md border border-slate-300 bg-white py-1.5 pr-8 pl-2.5 text-sm font-medium text-slate-800 shadow-xs focus:border-emerald-600 focus:ring-2 focus:ring-emerald-100 focus:outline-none disabled:opacity-60"
      >
        {memberships.map((m) => (
          <option key={m.organizationId} value={m.organizationId}>
            {m.name}
          </option>
        ))}
      </select>
    </div>
  );
}
