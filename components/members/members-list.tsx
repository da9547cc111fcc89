'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { LogOut, Mail, ShieldCheck, UserMinus, UserPlus, X } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { pageWindow, serverSort } from '@/components/admin/list';
import { InviteMemberForm } from '@/components/members/invite-member-form';
import { useMemberColumns } from '@/components/members/member-columns';
import { describeMemberError } from '@/components/members/member-errors';
import { MemberRolesDialog, memberName, type RoleProfile } from '@/components/members/member-roles-dialog';
import { clearActiveOrganizationCookie } from '@/components/organizations/active-organization-cookie';
import type { Member } from '@/components/organizations/types';
import { useTRPC } from '@/components/trpc/client';
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import {
  DataTable,
  type DataTableRowAction,
  filterBarProps,
  pagedTableProps,
  useTableUrlState,
} from '@/components/ui/data-table';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { toast, toastSaved } from '@/components/ui/toast';
import { stateOptions } from '@/components/words';
import { memberSortFields } from '@/server/modules/members/schemas';

export type MembersListProps = {
  organizationId: string;
  organizationName: string;
  selfId: string;
  /** the viewer's effective permissions in this organization */
  permissions: string[];
  profiles: RoleProfile[];
};

type Confirm = { kind: 'cancel' | 'remove' | 'leave'; member: Member } | null;

const confirmWords = {
  cancel: {
    title: (name: string) => `Cancel the invitation of ${name}?`,
    text: 'Their link stops working. You can invite them again later.',
    action: 'Cancel invitation',
  },
  remove: {
    title: (name: string) => `Remove ${name}?`,
    text: 'They lose every role in this organization and its profiles.',
    action: 'Remove',
  },
  leave: {
    title: () => 'Leave this organization?',
    text: 'You lose access to it until someone invites you again.',
    action: 'Leave organization',
  },
} as const;

/** The Members screen: everyone in the organization on the shared table, with the invite and role dialogs. */
export function MembersList({
  organizationId,
  organizationName,
  selfId,
  permissions,
  profiles,
}: MembersListProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const canInvite = permissions.includes('members.invite');
  const canManage = permissions.includes('members.manage');
  const url = useTableUrlState<'status'>({ filters: ['status'], sortable: memberSortFields });
  const status =
    url.filters.status === 'active' || url.filters.status === 'invited' ? url.filters.status : undefined;
  const query = useQuery({
    ...trpc.members.list.queryOptions({
      organizationId,
      search: url.query || undefined,
      status,
      sort: serverSort(url.sort),
      ...pageWindow(url.page, url.pageSize),
    }),
    placeholderData: keepPreviousData,
  });
  const columns = useMemberColumns(selfId, profiles);
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<Member | null>(null);
  const [confirm, setConfirm] = useState<Confirm>(null);

  const failed = (error: unknown) => toast.error('Not done', { description: describeMemberError(error) });
  const resend = useMutation(trpc.members.resendInvitation.mutationOptions({ onError: failed }));
  const cancel = useMutation(trpc.members.cancelInvitation.mutationOptions({ onError: failed }));
  const remove = useMutation(trpc.members.remove.mutationOptions({ onError: failed }));
  const leave = useMutation(trpc.members.leave.mutationOptions({ onError: failed }));

  function changed() {
    void queryClient.invalidateQueries({ queryKey: trpc.members.list.pathKey() });
    // Roles shape the viewer's own permissions too, which the server-rendered shell shows.
    router.refresh();
  }

  async function runConfirm() {
    if (!confirm) return;
    const { kind, member } = confirm;
    const target = { organizationId, userId: member._id };
    try {
      if (kind === 'cancel') {
        await cancel.mutateAsync(target);
        toastSaved('Invitation', memberName(member), 'cancelled');
      } else if (kind === 'remove') {
        await remove.mutateAsync(target);
        toastSaved('Member', memberName(member), 'removed');
      } else {
        await leave.mutateAsync({ organizationId });
        clearActiveOrganizationCookie();
        void queryClient.invalidateQueries();
        router.push('/');
        router.refresh();
        return;
      }
      setConfirm(null);
      changed();
    } catch {
      // the toast says why; the question stays for another try
    }
  }

  function actionsOf(member: Member): DataTableRowAction[] {
    const self = member._id === selfId;
    const invited = member.status === 'invited';
    const list: DataTableRowAction[] = [];
    if (canManage)
      list.push({
        label: 'Change roles',
        icon: <ShieldCheck aria-hidden="true" />,
        onSelect: () => setEditing(member),
      });
    if (invited && canInvite) {
      list.push({
        label: 'Resend invitation',
        icon: <Mail aria-hidden="true" />,
        onSelect: () =>
          resend.mutate(
            { organizationId, userId: member._id },
            {
              onSuccess: () => {
                toastSaved('Invitation', `A new link was emailed to ${member.email}.`, 'resent');
                changed();
              },
            },
          ),
      });
      list.push({
        label: 'Cancel invitation',
        icon: <X aria-hidden="true" />,
        destructive: true,
        separatorBefore: true,
        onSelect: () => setConfirm({ kind: 'cancel', member }),
      });
    }
    if (!invited && !self && canManage)
      list.push({
        label: 'Remove',
        icon: <UserMinus aria-hidden="true" />,
        destructive: true,
        separatorBefore: true,
        onSelect: () => setConfirm({ kind: 'remove', member }),
      });
    if (!invited && self)
      list.push({
        label: 'Leave organization',
        icon: <LogOut aria-hidden="true" />,
        destructive: true,
        separatorBefore: true,
        onSelect: () => setConfirm({ kind: 'leave', member }),
      });
    return list;
  }

  const inviteButton = canInvite ? (
    <Button onClick={() => setInviting(true)}>
      <UserPlus aria-hidden="true" />
      Invite someone
    </Button>
  ) : null;
  const pending = cancel.isPending || remove.isPending || leave.isPending;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-body text-muted-foreground">
          The people of {organizationName}, invited and active, with their roles.
        </p>
        {inviteButton}
      </div>
      <DataTable
        {...pagedTableProps(url, query)}
        caption={`Members of ${organizationName}`}
        noun="members"
        columns={columns}
        rows={query.data?.items}
        getRowId={(row) => row._id}
        getRowLabel={(row) => memberName(row)}
        rowActions={actionsOf}
        {...filterBarProps(
          url,
          { chip: 'Name or email', label: 'Search members', placeholder: 'Name or email contains' },
          [{ key: 'status', label: 'Status', options: stateOptions('membership') }],
        )}
        empty={{
          title: 'No members yet',
          description: canInvite ? 'Invite someone.' : undefined,
          action: inviteButton,
        }}
      />
      <Dialog open={inviting} onOpenChange={setInviting}>
        <DialogContent className="max-h-[90dvh] overflow-y-auto sm:max-w-2xl">
          <DialogHeader>
            <DialogTitle>Invite someone</DialogTitle>
            <DialogDescription>
              They get an email with a link to join {organizationName}, with the role you choose.
            </DialogDescription>
          </DialogHeader>
          <InviteMemberForm
            organizationId={organizationId}
            held={permissions}
            profiles={profiles}
            onInvited={() => {
              setInviting(false);
              changed();
            }}
          />
        </DialogContent>
      </Dialog>
      {editing ? (
        <MemberRolesDialog
          organizationId={organizationId}
          member={editing}
          held={permissions}
          profiles={profiles}
          open
          onOpenChange={(open) => (open ? null : setEditing(null))}
          onSaved={changed}
        />
      ) : null}
      <AlertDialog
        open={confirm !== null}
        onOpenChange={(open) => (open || pending ? null : setConfirm(null))}
      >
        <AlertDialogContent>
          {confirm ? (
            <>
              <AlertDialogHeader>
                <AlertDialogTitle>
                  {confirmWords[confirm.kind].title(memberName(confirm.member))}
                </AlertDialogTitle>
                <AlertDialogDescription>{confirmWords[confirm.kind].text}</AlertDialogDescription>
              </AlertDialogHeader>
              <AlertDialogFooter>
                <AlertDialogCancel disabled={pending}>Keep</AlertDialogCancel>
                <Button variant="destructive" pending={pending} onClick={() => void runConfirm()}>
                  {confirmWords[confirm.kind].action}
                </Button>
              </AlertDialogFooter>
            </>
          ) : null}
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}
