import type { Metadata } from 'next';
import Link from 'next/link';
import { PendingInvitations } from '@/components/members/invitations/pending-invitations';
import { NoOrganization } from '@/components/organizations/no-organization';
import { ProfileList } from '@/components/organizations/profile-list';
import { isPlatformStaff, roleList } from '@/components/organizations/roles';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { currentMe } from './current-me';

export const metadata: Metadata = { title: 'Home' };

export default async function HomePage() {
  const { me, caller } = await currentMe();
  const invitations = await caller.members.invitations.listMine();
  const name = me.user.firstName || me.user.email;
  const organization = me.activeOrganization;
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Hello, {name}</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          You are signed in as {me.user.email}
          {me.platformRoles.includes('platform.admin') ? ', a platform administrator' : ''}.
        </p>
      </div>
      <PendingInvitations invitations={invitations.items} />
      {organization ? (
        <Card
          title={organization.name}
          description={`Its profiles you can see. Your roles in this organization: ${roleList(me.roles, 'none at organization level')}.`}
          actions={
            <Link href="/members" className={buttonClass('secondary')}>
              Members
            </Link>
          }
        >
          <ProfileList profiles={me.profiles} />
        </Card>
      ) : (
        <NoOrganization staff={isPlatformStaff(me.platformRoles)} />
      )}
      <Card
        title="Your account"
        description="Password, two-factor sign-in and the devices signed in to your account."
      >
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="flex items-center gap-2 text-sm text-foreground">
            Two-factor sign-in
            {me.user.tfaEnabled ? <Badge tone="green">On</Badge> : <Badge tone="amber">Off</Badge>}
          </p>
          <Link href="/account" className={buttonClass('secondary')}>
            Go to your account
          </Link>
        </div>
        {me.user.tfaEnabled ? null : (
          <p className="mt-3 text-sm text-muted-foreground">
            Turn on two-factor sign-in so a stolen password alone cannot open your account.
          </p>
        )}
      </Card>
    </div>
  );
}
