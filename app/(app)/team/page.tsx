import type { Metadata } from 'next';
import { NoOrganization } from '@/components/organizations/no-organization';
import { isPlatformStaff } from '@/components/organizations/roles';
import { TeamMembers } from '@/components/organizations/team/team-members';
import { currentMe } from '../current-me';

export const metadata: Metadata = { title: 'Team' };

export default async function TeamPage() {
  const { me } = await currentMe();
  const organization = me.activeOrganization;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Team</h1>
      {organization ? (
        <TeamMembers
          key={organization._id}
          organizationId={organization._id}
          organizationName={organization.name}
          selfId={me.user._id}
          permissions={me.permissions}
          profiles={me.profiles}
        />
      ) : (
        <NoOrganization staff={isPlatformStaff(me.platformRoles)} />
      )}
    </div>
  );
}
