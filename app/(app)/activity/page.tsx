import type { Metadata } from 'next';
import { ActivityLog } from '@/components/audit/activity-log';
import { NoOrganization } from '@/components/organizations/no-organization';
import { isPlatformStaff } from '@/components/organizations/roles';
import { Alert } from '@/components/ui/alert';
import { currentMe } from '../current-me';

export const metadata: Metadata = { title: 'Activity' };

export default async function ActivityPage() {
  const { me } = await currentMe();
  const organization = me.activeOrganization;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Activity</h1>
        {organization ? (
          <p className="mt-1 text-sm text-muted-foreground">
            Who changed what in {organization.name}: invitations, members, roles and profiles.
          </p>
        ) : null}
      </div>
      {!organization ? (
        <NoOrganization staff={isPlatformStaff(me.platformRoles)} />
      ) : me.permissions.includes('audit.read') ? (
        <ActivityLog key={organization._id} organizationId={organization._id} profiles={me.profiles} />
      ) : (
        <Alert tone="info" title="Only organization administrators see the activity log">
          Ask an administrator of {organization.name} if you need to know who changed something.
        </Alert>
      )}
    </div>
  );
}
