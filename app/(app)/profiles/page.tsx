import type { Metadata } from 'next';
import { NoOrganization } from '@/components/organizations/no-organization';
import { ProfileList } from '@/components/organizations/profile-list';
import { isPlatformStaff } from '@/components/organizations/roles';
import { Card } from '@/components/ui/card';
import { currentMe } from '../current-me';

export const metadata: Metadata = { title: 'Profiles' };

export default async function ProfilesPage() {
  const { me } = await currentMe();
  const organization = me.activeOrganization;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Profiles</h1>
      {organization ? (
        <Card
          title={`Profiles of ${organization.name}`}
          description="Each profile is a business unit with its own tax id, DUNS number and participant tags."
        >
          <ProfileList profiles={me.profiles} />
        </Card>
      ) : (
        <NoOrganization staff={isPlatformStaff(me.platformRoles)} />
      )}
    </div>
  );
}
