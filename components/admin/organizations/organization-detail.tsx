'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { History } from 'lucide-react';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import type { ReactNode } from 'react';
import { countryName, usStateName } from '@/server/core/places/catalog';
import { Time } from '../../time';
import { useTRPC } from '../../trpc/client';
import { buttonClass } from '../../ui/button';
import { Card } from '../../ui/card';
import { EntityHeader } from '../../ui/shell';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '../../ui/tabs';
import { stateWords } from '../../words';
import { AuditLog } from '../audit/audit-log';
import type { AdminOrganization } from '../types';
import { OrganizationMembersCard, OrganizationProfilesCard } from './organization-cards';
import { OrganizationEditForm, OrganizationStatusCard } from './organization-edit-form';

const tabs = ['overview', 'profiles', 'members', 'activity', 'settings'] as const;
type Tab = (typeof tabs)[number];

/**
 * One organization for platform staff, in tabs (Overview, Profiles, Members, Activity, Settings; the tab in
 * the URL as ?tab=): the server rendered `initial`; changes refetch it. `invite` is the Members
 * tab's invitation form.
 */
export function OrganizationDetail({ initial, invite }: { initial: AdminOrganization; invite?: ReactNode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = trpc.admin.organizations.get.queryOptions({ _id: initial._id });
  const { data: organization = initial } = useQuery({ ...options, initialData: initial });
  const refresh = () => queryClient.invalidateQueries({ queryKey: options.queryKey });
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const requested = searchParams.get('tab');
  const tab: Tab = tabs.includes(requested as Tab) ? (requested as Tab) : 'overview';
  const [statusWord, statusTone] = stateWords.organization[organization.status];

  return (
    <div className="space-y-6">
      <EntityHeader
        breadcrumbs={[{ label: 'Organizations', href: '/admin/organizations' }]}
        title={organization.name}
        status={{ label: statusWord, tone: statusTone }}
        facts={[
          { label: 'Profiles', value: organization.profiles.length },
          { label: 'Members', value: organization.members.length },
          { label: 'Created', value: <Time iso={organization.createdAt} /> },
        ]}
        actions={
          <Link href={`/admin/audit?organizationId=${organization._id}`} className={buttonClass('secondary')}>
            <History aria-hidden="true" className="size-4" />
            Audit events
          </Link>
        }
      />
      <Tabs
        value={tab}
        onValueChange={(next) => {
          const params = new URLSearchParams(searchParams);
          if (next === 'overview') params.delete('tab');
          else params.set('tab', next);
          const query = params.toString();
          router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
        }}
      >
        <TabsList aria-label="Organization sections">
          <TabsTrigger value="overview">Overview</TabsTrigger>
          <TabsTrigger value="profiles">Profiles</TabsTrigger>
          <TabsTrigger value="members">Members</TabsTrigger>
          <TabsTrigger value="activity">Activity</TabsTrigger>
          <TabsTrigger value="settings">Settings</TabsTrigger>
        </TabsList>
        <TabsContent value="overview">
          <OrganizationOverview organization={organization} />
        </TabsContent>
        <TabsContent value="profiles">
          <OrganizationProfilesCard organization={organization} onChanged={refresh} />
        </TabsContent>
        <TabsContent value="members" className="space-y-6">
          <OrganizationMembersCard organization={organization} />
          {invite}
        </TabsContent>
        <TabsContent value="activity">
          <AuditLog organizationId={organization._id} />
        </TabsContent>
        <TabsContent value="settings" className="space-y-6">
          {/* keyed by updatedAt: a saved change resets the form to what the server now holds */}
          <OrganizationEditForm key={organization.updatedAt} organization={organization} onSaved={refresh} />
          <OrganizationStatusCard organization={organization} onChanged={refresh} />
        </TabsContent>
      </Tabs>
    </div>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="contents">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words text-foreground">{children}</dd>
    </div>
  );
}

const notSet = <span className="text-muted-foreground">Not set</span>;

/** The facts, read-only; they are changed in Settings. */
function OrganizationOverview({ organization }: { organization: AdminOrganization }) {
  const address = organization.address;
  const region =
    address?.country === 'US' && address.state ? usStateName(address.state) : (address?.state ?? '');
  const lines = address
    ? [
        address.line1,
        address.line2,
        [address.city, region, address.postalCode].filter(Boolean).join(', '),
        countryName(address.country),
      ].filter(Boolean)
    : [];
  return (
    <Card title="Overview">
      <dl className="grid gap-x-6 gap-y-3 text-body sm:grid-cols-[10rem_1fr]">
        <Row label="Name">{organization.name}</Row>
        <Row label="Tax id">{organization.taxId || notSet}</Row>
        <Row label="DUNS number">{organization.duns || notSet}</Row>
        <Row label="Address">
          {lines.length ? (
            <address className="not-italic">
              {lines.map((line) => (
                <span key={line} className="block">
                  {line}
                </span>
              ))}
            </address>
          ) : (
            notSet
          )}
        </Row>
        <Row label="Created">
          <Time iso={organization.createdAt} />
        </Row>
        <Row label="Last changed">
          <Time iso={organization.updatedAt} />
        </Row>
      </dl>
    </Card>
  );
}
