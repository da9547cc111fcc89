'use client';

import {
  Activity,
  Building2,
  FileText,
  KeyRound,
  LayoutDashboard,
  MapPin,
  Pencil,
  ScrollText,
  Settings,
  UserPlus,
  Users,
} from 'lucide-react';
import { type ReactNode, Suspense, useEffect, useState } from 'react';
import { Badge } from '../badge';
import { Button } from '../button';
import {
  AccountMenu,
  AppShell,
  EntityHeader,
  type NavGroup,
  OrganizationSwitcher,
  PageTabs,
  StaffBanner,
} from '../shell';
import { Toaster, toast } from '../toast';
import { BadgesAndAlerts, ButtonsDemo, ControlsDemo, SurfacesDemo, TypeScale } from './section-basics';
import { FormSection } from './section-form';
import { OverlaysDemo, TabsDemo, ToastsDemo } from './section-overlays';
import { TableSection } from './section-table';

const nav: NavGroup[] = [
  {
    items: [
      { label: 'Overview', href: '#overview', icon: <LayoutDashboard aria-hidden="true" /> },
      { label: 'Locations', href: '#table', icon: <MapPin aria-hidden="true" />, badge: <Badge>132</Badge> },
      { label: 'Reports', href: '#forms', icon: <FileText aria-hidden="true" /> },
    ],
  },
  {
    label: 'Organization',
    items: [
      { label: 'Team', href: '#overlays', icon: <Users aria-hidden="true" /> },
      { label: 'Profiles', href: '#controls', icon: <Building2 aria-hidden="true" /> },
      { label: 'Activity', href: '#surfaces', icon: <Activity aria-hidden="true" /> },
      { label: 'API keys', href: '#toasts', icon: <KeyRound aria-hidden="true" /> },
    ],
  },
  {
    label: 'Staff',
    items: [
      { label: 'Audit log', href: '#type', icon: <ScrollText aria-hidden="true" /> },
      { label: 'Settings', href: '#tabs', icon: <Settings aria-hidden="true" /> },
    ],
  },
];

const organizations = [
  { id: 'o1', name: 'Permian Basin Gas Co.', hint: 'Producer' },
  { id: 'o2', name: 'Marcellus Midstream', hint: 'Pipeline' },
  { id: 'o3', name: 'Gulf Coast Buyers', hint: 'Buyer' },
  { id: 'o4', name: 'Bakken Prairie Energy', hint: 'Producer' },
  { id: 'o5', name: 'Haynesville Partners', hint: 'Producer' },
  { id: 'o6', name: 'Utica Ridge Operating', hint: 'Producer' },
  { id: 'o7', name: 'Anadarko Creek Resources', hint: 'Producer' },
  { id: 'o8', name: 'Eagle Ford Pipeline LLC', hint: 'Pipeline' },
];

function useHash(fallback: string) {
  const [hash, setHash] = useState(fallback);
  useEffect(() => {
    const read = () => setHash(window.location.hash || fallback);
    read();
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, [fallback]);
  return hash;
}

function Section({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-20 space-y-4">
      <div className="space-y-1">
        <h2 id={`${id}-title`} className="text-title">
          {title}
        </h2>
        {description ? <p className="text-body text-muted-foreground">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}

/** Every component of components/ui with sample data: the page at /dev/ui (development only). */
export function UiPreview() {
  const hash = useHash('#overview');
  const [orgId, setOrgId] = useState('o1');
  return (
    // data-color-scheme="system": this page follows the system's light or dark setting
    <div data-color-scheme="system">
      <AppShell
        nav={nav}
        currentPath={hash}
        brand={({ collapsed }) => (
          <span className="inline-flex items-center gap-2 font-semibold tracking-tight">
            <span
              aria-hidden="true"
              className="grid size-7 place-items-center rounded-md bg-primary text-body text-primary-foreground"
            >
              P
            </span>
            {collapsed ? <span className="sr-only">Provena</span> : 'Provena'}
          </span>
        )}
        switcher={({ collapsed }) => (
          <OrganizationSwitcher
            organizations={organizations}
            activeId={orgId}
            onSelect={setOrgId}
            collapsed={collapsed}
          />
        )}
        account={({ collapsed }) => (
          <AccountMenu
            name="Dana Ortiz"
            email="dana.ortiz@permianbasingas.example"
            collapsed={collapsed}
            items={[{ label: 'Account', href: '#forms' }]}
            onSignOut={() => toast.info('Would sign out')}
          />
        )}
        banner={<StaffBanner env="development" note="You are viewing the design system preview." />}
      >
        <div className="mx-auto max-w-6xl space-y-12 px-4 py-6 sm:px-6 lg:px-8">
          <div id="overview" className="scroll-mt-20 space-y-4">
            <EntityHeader
              breadcrumbs={[{ label: 'Organizations', href: '#table' }]}
              title={organizations.find((org) => org.id === orgId)?.name ?? 'Organization'}
              status={{ label: 'Active', tone: 'green' }}
              facts={[
                { label: 'Type', value: 'Producer' },
                { label: 'Profiles', value: '3' },
                { label: 'Members', value: '14' },
                { label: 'Created', value: 'Mar 2, 2025' },
              ]}
              actions={
                <>
                  <Button variant="secondary">
                    <Pencil aria-hidden="true" />
                    Edit
                  </Button>
                  <Button>
                    <UserPlus aria-hidden="true" />
                    Invite
                  </Button>
                </>
              }
            />
            <PageTabs
              currentPath="#overview"
              tabs={[
                { label: 'Overview', href: '#overview', exact: true },
                { label: 'Profiles', href: '#table', count: 3 },
                { label: 'Members', href: '#overlays', count: 14 },
                { label: 'Activity', href: '#surfaces' },
                { label: 'Settings', href: '#forms' },
              ]}
            />
          </div>

          <Section
            id="table"
            title="Data table"
            description="132 sample organizations, sorted, filtered and paged by a fake server; the filters, sort and page are in the address."
          >
            <Suspense>
              <TableSection />
            </Suspense>
          </Section>

          <Section
            id="forms"
            title="Form on a zod schema"
            description="react-hook-form with the schema a module would share with its procedures."
          >
            <FormSection />
          </Section>

          <Section id="overlays" title="Dialogs, menus and popovers">
            <OverlaysDemo />
          </Section>

          <Section id="toasts" title="Toasts">
            <ToastsDemo />
          </Section>

          <Section id="controls" title="Controls">
            <ControlsDemo />
          </Section>

          <Section id="buttons" title="Buttons">
            <ButtonsDemo />
          </Section>

          <Section id="surfaces" title="Badges, alerts, cards, skeletons">
            <BadgesAndAlerts />
            <SurfacesDemo />
          </Section>

          <Section id="tabs" title="Tabs">
            <TabsDemo />
          </Section>

          <Section id="type" title="Type scale">
            <TypeScale />
          </Section>
        </div>
      </AppShell>
      <Toaster />
    </div>
  );
}
