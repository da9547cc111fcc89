import type { Metadata } from 'next';
import { currentMe } from '@/app/(app)/current-me';
import { MembersList } from '@/components/members/members-list';
import { NoOrganization } from '@/components/organizations/no-organization';
import { isPlatformStaff } from '@/components/organizations/roles';

export const metadata: Metadata = { title: 'Members' };

export default async function MembersPage() {
  const { me } = await currentMe();
  const organization = me.activeOrganization;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Members</h1>
      {organization ? (
        <MembersList
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
