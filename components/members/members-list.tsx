'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { InviteForm } from '@/components/members/invite-form';
import { MemberRow } from '@/components/members/member-row';
import { useMembers, useRefreshMembers } from '@/components/members/use-members';
import { clearActiveOrganizationCookie } from '@/components/organizations/active-organization-cookie';
import type { MeProfile } from '@/components/organizations/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';

export type MembersListProps = {
  organizationId: string;
  organizationName: string;
  selfId: string;
  /** the viewer's effective permissions in this organization */
  permissions: string[];
  profiles: MeProfile[];
};

/** The team page's body: the invite form for those who may invite, then everyone with their roles. */
export function MembersList({
  organizationId,
  organizationName,
  selfId,
  permissions,
  profiles,
}: MembersListProps) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const { query: members, items } = useMembers(organizationId);
  const refreshMembers = useRefreshMembers();
  const [notice, setNotice] = useState<string | null>(null);
  const canInvite = permissions.includes('members.invite');
  const canManage = permissions.includes('members.manage');

  function changed(message?: string) {
    setNotice(message ?? null);
    void refreshMembers();
    // Roles shape the viewer's own permissions too, which the server-rendered header and pages show.
    router.refresh();
  }

  function left() {
    clearActiveOrganizationCookie();
    void queryClient.invalidateQueries();
    router.push('/');
    router.refresh();
  }

  return (
    <div className="space-y-6">
      {canInvite ? <InviteForm organizationId={organizationId} onInvited={() => changed()} /> : null}
      <Card
        title={`Members of ${organizationName}`}
        description={
          canManage
            ? 'Change what people can do, or remove them. Organization roles apply to every profile.'
            : 'The people in this organization and their roles.'
        }
      >
        {notice ? (
          <div className="mb-4">
            <Alert tone="success">{notice}</Alert>
          </div>
        ) : null}
        {members.isPending ? (
          <p className="text-sm text-muted-foreground">Loading…</p>
        ) : members.isError ? (
          <Alert tone="error">The members could not be loaded. Reload the page to try again.</Alert>
        ) : items.length === 0 ? (
          <p className="text-sm text-muted-foreground">Nobody is in this organization yet.</p>
        ) : (
          <ul aria-label="Members" className="-my-4 divide-y divide-border">
            {items.map((member) => (
              <MemberRow
                key={member._id}
                organizationId={organizationId}
                member={member}
                isSelf={member._id === selfId}
                canInvite={canInvite}
                canManage={canManage}
                myPermissions={permissions}
                profiles={profiles}
                onChanged={changed}
                onLeft={left}
              />
            ))}
          </ul>
        )}
        {members.hasNextPage ? (
          <div className="mt-6">
            <Button
              variant="secondary"
              pending={members.isFetchingNextPage}
              onClick={() => void members.fetchNextPage()}
            >
              Show more members
            </Button>
          </div>
        ) : null}
      </Card>
    </div>
  );
}
