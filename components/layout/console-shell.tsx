'use client';

import { useQueryClient } from '@tanstack/react-query';
import {
  Building2,
  FileCode2,
  FileText,
  History,
  House,
  Layers,
  LayoutDashboard,
  MapPin,
  RotateCcw,
  ScrollText,
  UserSquare2,
  Users,
} from 'lucide-react';
import { usePathname, useRouter } from 'next/navigation';
import { signOut } from 'next-auth/react';
import { type ReactNode, useTransition } from 'react';
import { setActiveOrganizationCookie } from '../organizations/active-organization-cookie';
import {
  AccountMenu,
  type AppEnvironment,
  AppShell,
  type NavGroup,
  OrganizationSwitcher,
  StaffBanner,
} from '../ui/shell';
import { Brand } from './logo';

/** What the shell shows: worked out on the server from `auth.me`, so no link leads to a refusal. */
export type ShellViewer = {
  name: string;
  email: string;
  memberships: { organizationId: string; name: string }[];
  activeOrganizationId: string | null;
  /** Members and Profiles: only with an active organization */
  hasOrganization: boolean;
  /** the organization's Activity page (audit.read) */
  canReadActivity: boolean;
  /** the admin console (platform admin or support) */
  staff: boolean;
  /** platform.admin: the console's pages that only act (the preproduction reset) */
  platformAdmin: boolean;
};

function navFor(viewer: ShellViewer): NavGroup[] {
  const groups: NavGroup[] = [
    {
      label: viewer.hasOrganization ? 'Organization' : undefined,
      items: [
        { label: 'Home', href: '/', icon: <House aria-hidden="true" />, exact: true },
        ...(viewer.hasOrganization
          ? [
              { label: 'Members', href: '/members', icon: <Users aria-hidden="true" /> },
              { label: 'Profiles', href: '/profiles', icon: <Layers aria-hidden="true" /> },
            ]
          : []),
        ...(viewer.hasOrganization && viewer.canReadActivity
          ? [{ label: 'Activity', href: '/activity', icon: <History aria-hidden="true" /> }]
          : []),
      ],
    },
  ];
  if (viewer.staff) {
    groups.push({
      label: 'Admin console',
      items: [
        { label: 'Overview', href: '/admin', icon: <LayoutDashboard aria-hidden="true" />, exact: true },
        { label: 'Users', href: '/admin/users', icon: <UserSquare2 aria-hidden="true" /> },
        { label: 'Organizations', href: '/admin/organizations', icon: <Building2 aria-hidden="true" /> },
        { label: 'Profiles', href: '/admin/profiles', icon: <Layers aria-hidden="true" /> },
        { label: 'Locations', href: '/admin/locations', icon: <MapPin aria-hidden="true" /> },
        { label: 'Reports', href: '/admin/reports', icon: <FileText aria-hidden="true" /> },
        { label: 'Audit log', href: '/admin/audit', icon: <ScrollText aria-hidden="true" /> },
        ...(viewer.platformAdmin
          ? [{ label: 'Preproduction', href: '/admin/preproduction', icon: <RotateCcw aria-hidden="true" /> }]
          : []),
      ],
    });
  }
  groups.push({
    label: 'Developers',
    items: [{ label: 'API reference', href: '/api/docs', icon: <FileCode2 aria-hidden="true" /> }],
  });
  return groups;
}

/**
 * The signed-in frame of the dashboard and the admin console: the areas this person may use, the
 * organization switcher, the account menu; in the admin console a Staff marker and the environment.
 */
export function ConsoleShell({
  viewer,
  staffBanner,
  children,
}: {
  viewer: ShellViewer;
  /** set in the admin console: the environment, and whether this viewer only reads */
  staffBanner?: { env: AppEnvironment; readOnly: boolean };
  children: ReactNode;
}) {
  const pathname = usePathname();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [, startTransition] = useTransition();

  // The choice lives in a cookie the server reads on every request, so server-rendered pages and
  // tRPC calls both follow it after the refresh.
  function chooseOrganization(organizationId: string) {
    if (organizationId === viewer.activeOrganizationId) return;
    setActiveOrganizationCookie(organizationId);
    startTransition(() => {
      router.refresh();
      void queryClient.invalidateQueries();
    });
  }

  return (
    <AppShell
      nav={navFor(viewer)}
      currentPath={pathname}
      brand={({ collapsed }) => <Brand collapsed={collapsed} />}
      switcher={
        viewer.memberships.length
          ? ({ collapsed }) => (
              <OrganizationSwitcher
                organizations={viewer.memberships.map((m) => ({ id: m.organizationId, name: m.name }))}
                activeId={viewer.activeOrganizationId}
                onSelect={chooseOrganization}
                collapsed={collapsed}
              />
            )
          : undefined
      }
      account={({ collapsed }) => (
        <AccountMenu
          name={viewer.name}
          email={viewer.email}
          collapsed={collapsed}
          items={[{ label: 'Account', href: '/account' }]}
          // Signing out ends the session row too (next-auth's signOut event), not only the cookie.
          onSignOut={() => void signOut({ callbackUrl: '/sign-in' })}
        />
      )}
      bannerTone={staffBanner?.env === 'preproduction' ? 'warning' : 'default'}
      banner={
        staffBanner ? (
          <StaffBanner
            env={staffBanner.env}
            note={
              staffBanner.readOnly ? 'Read-only: support sees everything and changes nothing.' : undefined
            }
          />
        ) : undefined
      }
    >
      {children}
    </AppShell>
  );
}
