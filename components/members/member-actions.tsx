'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { describeMemberError } from '@/components/members/member-errors';
import type { Member } from '@/components/organizations/types';
import { useTRPC } from '@/components/trpc/client';
import { Button } from '@/components/ui/button';

type Confirm = 'cancel' | 'remove' | 'leave' | null;

export type MemberActionsProps = {
  organizationId: string;
  member: Member;
  memberName: string;
  isSelf: boolean;
  canInvite: boolean;
  canManage: boolean;
  rolesOpen: boolean;
  onToggleRoles: () => void;
  onChanged: (message?: string) => void;
  onLeft: () => void;
  onError: (message: string | null) => void;
};

const confirmText: Record<Exclude<Confirm, null>, (name: string) => string> = {
  cancel: (name) => `Cancel the invitation of ${name}? Their link stops working.`,
  remove: (name) => `Remove ${name} from the organization? They lose every role in it.`,
  leave: () => 'Leave this organization? You lose access to it until someone invites you again.',
};

/** The buttons of one member row: only those the viewer may use, destructive ones asked twice. */
export function MemberActions(props: MemberActionsProps) {
  const { organizationId, member, memberName, isSelf, canInvite, canManage } = props;
  const trpc = useTRPC();
  const [confirm, setConfirm] = useState<Confirm>(null);
  const target = { organizationId, userId: member._id };
  const handlers = {
    onError: (error: unknown) => props.onError(describeMemberError(error)),
  };
  const resend = useMutation(trpc.members.resendInvitation.mutationOptions(handlers));
  const cancel = useMutation(trpc.members.cancelInvitation.mutationOptions(handlers));
  const remove = useMutation(trpc.members.remove.mutationOptions(handlers));
  const leave = useMutation(trpc.members.leave.mutationOptions(handlers));
  const invited = member.status === 'invited';

  function run(action: Exclude<Confirm, null>) {
    props.onError(null);
    const close = { onSettled: () => setConfirm(null) };
    if (action === 'cancel')
      cancel.mutate(target, {
        ...close,
        onSuccess: () => props.onChanged(`The invitation of ${memberName} is cancelled.`),
      });
    if (action === 'remove')
      remove.mutate(target, { ...close, onSuccess: () => props.onChanged(`${memberName} was removed.`) });
    if (action === 'leave') leave.mutate({ organizationId }, { ...close, onSuccess: props.onLeft });
  }

  if (confirm) {
    const pending = cancel.isPending || remove.isPending || leave.isPending;
    return (
      <div className="flex flex-wrap items-center gap-2">
        <p className="text-sm text-foreground">{confirmText[confirm](memberName)}</p>
        <Button variant="danger" pending={pending} onClick={() => run(confirm)}>
          {confirm === 'cancel' ? 'Cancel invitation' : confirm === 'remove' ? 'Remove' : 'Leave'}
        </Button>
        {/* Focus moves to the safe answer: the button that opened this question is gone. */}
        <Button variant="ghost" onClick={() => setConfirm(null)} disabled={pending} autoFocus>
          Keep
        </Button>
      </div>
    );
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      {canManage ? (
        <Button variant="secondary" aria-expanded={props.rolesOpen} onClick={props.onToggleRoles}>
          {props.rolesOpen ? 'Close roles' : 'Change roles'}
          <span className="sr-only"> of {memberName}</span>
        </Button>
      ) : null}
      {invited && canInvite ? (
        <>
          <Button
            variant="secondary"
            pending={resend.isPending}
            onClick={() => {
              props.onError(null);
              resend.mutate(target, {
                onSuccess: () => props.onChanged(`A new invitation link was emailed to ${member.email}.`),
              });
            }}
          >
            Resend<span className="sr-only"> the invitation of {memberName}</span>
          </Button>
          <Button variant="danger" onClick={() => setConfirm('cancel')}>
            Cancel invitation<span className="sr-only"> of {memberName}</span>
          </Button>
        </>
      ) : null}
      {!invited && !isSelf && canManage ? (
        <Button variant="danger" onClick={() => setConfirm('remove')}>
          Remove<span className="sr-only"> {memberName}</span>
        </Button>
      ) : null}
      {isSelf && !invited ? (
        <Button variant="danger" onClick={() => setConfirm('leave')}>
          Leave organization
        </Button>
      ) : null}
    </div>
  );
}
