'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { describeDevice } from '../format';
import { SignOutButton } from '../layout/sign-out-button';
import { Time, useFormatDate } from '../time';
import { useTRPC } from '../trpc/client';
import { readError } from '../trpc/errors';
import { Alert } from '../ui/alert';
import { ConfirmDialog } from '../ui/alert-dialog';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { createDataTableColumns, DataTable } from '../ui/data-table';
import { toastSaved } from '../ui/toast';

type Session = {
  _id: string;
  channel: 'api' | 'browser';
  device: string | null;
  ip: string | null;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
};

/**
 * The End session button's accessible name starts with its visible words (WCAG 2.5.3, label in
 * name) and says which session: "End session on Chrome on Linux, signed in 2 May 2025, 10:04 UTC".
 */
export const endSessionName = (session: Pick<Session, 'device'>, signedIn: string) =>
  `End session on ${describeDevice(session.device)}, signed in ${signedIn}`;

const col = createDataTableColumns<Session>();

/** Where the account is signed in; ending a session takes effect on that device's next request. */
export function SessionsCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useQuery(trpc.auth.sessions.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.auth.sessions.list.queryKey() });
  const revoke = useMutation(trpc.auth.sessions.revoke.mutationOptions({ onSettled: refresh }));
  const revokeOthers = useMutation(trpc.auth.sessions.revokeOthers.mutationOptions({ onSettled: refresh }));
  const others = (sessions.data?.items ?? []).filter((s) => !s.current).length;

  const columns = useMemo(
    () =>
      col.columns([
        col.accessor((s) => describeDevice(s.device), {
          id: 'device',
          header: 'Device',
          cell: (info) => (
            <span className="flex flex-wrap items-center gap-2">
              <span className="font-medium text-foreground">{info.getValue()}</span>
              <Badge tone={info.row.original.channel === 'browser' ? 'neutral' : 'blue'}>
                {info.row.original.channel === 'browser' ? 'Browser' : 'API'}
              </Badge>
              {info.row.original.current ? (
                <Badge tone="green" dot>
                  This device
                </Badge>
              ) : null}
            </span>
          ),
          meta: { primary: true },
        }),
        col.accessor('lastSeenAt', {
          header: 'Last active',
          cell: (info) => <Time iso={info.getValue()} relative />,
          meta: { className: 'whitespace-nowrap text-muted-foreground' },
        }),
        col.accessor('createdAt', {
          header: 'Signed in',
          cell: (info) => <Time iso={info.getValue()} relative />,
          meta: { className: 'whitespace-nowrap text-muted-foreground' },
        }),
        col.accessor('ip', {
          header: 'IP address',
          cell: (info) => info.getValue() ?? '—',
          meta: { className: 'whitespace-nowrap text-muted-foreground', hideWhenStacked: true },
        }),
        col.display({
          id: 'actions',
          header: () => <span className="sr-only">Actions</span>,
          cell: (info) =>
            info.row.original.current ? (
              <SignOutButton />
            ) : (
              <EndSessionButton
                session={info.row.original}
                pending={revoke.isPending && revoke.variables?._id === info.row.original._id}
                onEnd={() => revoke.mutate({ _id: info.row.original._id })}
              />
            ),
          meta: { label: 'Action', align: 'right' },
        }),
      ]),
    [revoke.isPending, revoke.variables, revoke.mutate],
  );

  const failed = revoke.error ?? revokeOthers.error;
  return (
    <Card
      title="Sessions"
      description="The browsers and API clients signed in to your account."
      actions={
        others > 0 ? (
          <ConfirmDialog
            trigger={<Button variant="secondary">Sign out all other sessions</Button>}
            title="Sign out all other sessions?"
            description={`${others === 1 ? 'One other session ends' : `${others} other sessions end`}, with their API tokens. This browser stays signed in.`}
            confirmLabel="Sign out other sessions"
            destructive
            onConfirm={async () => {
              const { revoked } = await revokeOthers.mutateAsync({});
              toastSaved(revoked === 1 ? 'One session' : `${revoked} sessions`, undefined, 'ended');
            }}
          />
        ) : null
      }
    >
      <div className="space-y-4">
        {failed ? <Alert tone="error">{readError(failed).message}</Alert> : null}
        <DataTable
          caption="Sessions"
          noun="sessions"
          columns={columns}
          rows={sessions.data?.items}
          total={sessions.data?.items.length}
          page={1}
          pageSize={Math.max(sessions.data?.items.length ?? 0, 25)}
          sort={null}
          onChange={() => {}}
          getRowId={(row) => row._id}
          loading={sessions.isPending}
          error={sessions.error ?? undefined}
          onRetry={() => void sessions.refetch()}
          empty={{ title: 'No sessions', description: 'Signed-in browsers and API clients appear here.' }}
        />
      </div>
    </Card>
  );
}

function EndSessionButton({
  session,
  pending,
  onEnd,
}: {
  session: Session;
  pending: boolean;
  onEnd: () => void;
}) {
  // the full date in the name (a relative time would change under a screen reader's feet)
  const signedIn = useFormatDate()(session.createdAt);
  return (
    <Button
      variant="danger"
      size="sm"
      pending={pending}
      onClick={onEnd}
      aria-label={endSessionName(session, signedIn)}
    >
      End session
    </Button>
  );
}
