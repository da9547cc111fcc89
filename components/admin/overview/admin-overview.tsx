import { ArrowRight, Building2, History, Layers, Plus, UsersRound } from 'lucide-react';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { auditWords } from '@/server/modules/catalog';
import { Time } from '../../time';
import { buttonClass } from '../../ui/button';
import { Card } from '../../ui/card';
import type { AuditEvent } from '../types';

export type Overview = {
  users: { active: number; disabled: number; withoutPassword: number };
  organizations: { active: number; archived: number };
  profiles: { active: number; archived: number };
  pendingInvitations: number;
};

const number = new Intl.NumberFormat('en-US');

/** One area of the console: its main number, a few others beside it, and the way in. */
function Area({
  href,
  title,
  icon,
  main,
  mainLabel,
  facts,
}: {
  href: string;
  title: string;
  icon: ReactNode;
  main: number;
  mainLabel: string;
  facts: { label: string; value: number; href?: string }[];
}) {
  return (
    <li className="flex flex-col rounded-lg border border-border bg-card p-5 shadow-xs">
      <div className="flex items-center gap-2 text-body font-medium text-muted-foreground">
        <span aria-hidden="true" className="[&_svg]:size-4">
          {icon}
        </span>
        <h2>{title}</h2>
      </div>
      <p className="mt-3">
        <span className="text-3xl font-semibold tabular-nums text-foreground">{number.format(main)}</span>
        <span className="ml-2 text-body text-muted-foreground">{mainLabel}</span>
      </p>
      <ul className="mt-2 space-y-0.5 text-caption text-muted-foreground">
        {facts.map((fact) => (
          <li key={fact.label}>
            <span className="tabular-nums text-foreground">{number.format(fact.value)}</span> {fact.label}
          </li>
        ))}
      </ul>
      <Link
        href={href}
        className="focus-ring mt-4 inline-flex w-fit items-center gap-1 rounded-sm text-body font-medium text-link hover:underline"
      >
        All {title.toLowerCase()}
        <ArrowRight aria-hidden="true" className="size-4" />
      </Link>
    </li>
  );
}

const person = (p: AuditEvent['actor']) =>
  p ? (
    <Link
      href={`/admin/users/${p._id}`}
      className="focus-ring rounded-sm break-all text-link hover:underline"
    >
      {p.email}
    </Link>
  ) : null;

/** An event as the Audit log page words it: the action's label, by whom, to whom, where, when. */
function EventRow({ event }: { event: AuditEvent }) {
  const label = auditWords(event.action)?.label ?? event.action;
  const other = event.subject && event.subject._id !== event.actor?._id ? event.subject : null;
  return (
    <li className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-3">
      <div className="min-w-0 space-y-0.5">
        <p className="text-body font-medium text-foreground">{label}</p>
        <p className="text-caption text-muted-foreground">
          {event.actor ? <>by {person(event.actor)}</> : null}
          {other ? (
            <>
              {event.actor ? ' to ' : 'about '}
              {person(other)}
            </>
          ) : null}
          {event.organizationId ? (
            <>
              {event.actor || other ? ' · ' : ''}
              <Link
                href={`/admin/organizations/${event.organizationId}`}
                className="focus-ring rounded-sm text-link hover:underline"
              >
                {event.organizationName ?? 'organization'}
              </Link>
            </>
          ) : null}
        </p>
      </div>
      <span className="shrink-0 text-caption whitespace-nowrap text-muted-foreground">
        <Time iso={event.at} relative />
      </span>
    </li>
  );
}

/** The admin console's first page: how many of each, what changed lately, the way to each area. */
export function AdminOverview({
  overview,
  recent,
  canWrite,
}: {
  overview: Overview;
  recent: AuditEvent[];
  canWrite: boolean;
}) {
  const { users, organizations, profiles } = overview;
  return (
    <div className="space-y-6">
      <ul aria-label="The platform in numbers" className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        <Area
          href="/admin/users"
          title="Users"
          icon={<UsersRound />}
          main={users.active}
          mainLabel="active"
          facts={[
            { label: 'disabled', value: users.disabled },
            { label: 'without a password yet', value: users.withoutPassword },
            { label: 'invitations not yet accepted', value: overview.pendingInvitations },
          ]}
        />
        <Area
          href="/admin/organizations"
          title="Organizations"
          icon={<Building2 />}
          main={organizations.active}
          mainLabel="active"
          facts={[{ label: 'archived', value: organizations.archived }]}
        />
        <Area
          href="/admin/profiles"
          title="Profiles"
          icon={<Layers />}
          main={profiles.active}
          mainLabel="active"
          facts={[{ label: 'archived', value: profiles.archived }]}
        />
      </ul>
      <Card
        title="Recent activity"
        description="The latest events of the audit log."
        actions={
          <Link href="/admin/audit" className={buttonClass('secondary', '', 'sm')}>
            <History aria-hidden="true" className="size-4" />
            Audit log
          </Link>
        }
      >
        {recent.length === 0 ? (
          <p className="text-body text-muted-foreground">Nothing has happened yet.</p>
        ) : (
          <ul aria-label="Recent activity" className="divide-y divide-border">
            {recent.map((event) => (
              <EventRow key={event._id} event={event} />
            ))}
          </ul>
        )}
      </Card>
      {canWrite ? (
        <div className="flex flex-wrap gap-3">
          <Link href="/admin/users/new" className={buttonClass('secondary')}>
            <Plus aria-hidden="true" className="size-4" />
            New user
          </Link>
          <Link href="/admin/organizations/new" className={buttonClass('secondary')}>
            <Plus aria-hidden="true" className="size-4" />
            New organization
          </Link>
        </div>
      ) : null}
    </div>
  );
}
