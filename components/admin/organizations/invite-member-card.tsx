'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { InviteMemberForm } from '@/components/members/invite-member-form';
import { allPermissions } from '@/server/core/access/catalog';
import { useTRPC } from '../../trpc/client';
import { Card } from '../../ui/card';
import { useCanWrite } from '../access';

/**
 * The admin console's way into an organization: staff are not members, so they invite its first
 * people, choosing the role with the invitation (an organization just created needs an
 * administrator of the organization to run it).
 */
export function InviteMemberCard({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canWrite = useCanWrite();
  // The organization page's own query, read from the cache (never fetched here), so an archive
  // or restore on the page shows at once.
  const options = trpc.admin.organizations.get.queryOptions({ _id: organizationId });
  const { data: organization } = useQuery({ ...options, enabled: false });
  if (!canWrite) return null;
  if (organization?.status === 'archive') {
    return (
      <Card
        title="Invite a person"
        description="This organization is archived: restore it before inviting anyone, or they would join an organization that grants nothing."
      />
    );
  }
  // Only a platform administrator writes here, and holds every permission: every role may be granted.
  const profiles = (organization?.profiles ?? []).map((p) => ({
    _id: p._id,
    name: p.name,
    permissions: allPermissions,
  }));
  return (
    <Card
      title="Invite a person"
      description="They get an email with a link to set a password and join this organization, with the role chosen here."
    >
      <InviteMemberForm
        key={profiles.map((p) => p._id).join()}
        organizationId={organizationId}
        held={allPermissions}
        profiles={profiles}
        label="Invite a person"
        onInvited={() => void queryClient.invalidateQueries({ queryKey: options.queryKey })}
      />
    </Card>
  );
}
