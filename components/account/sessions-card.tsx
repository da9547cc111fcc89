'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { describeDevice, formatDateTime } from '../format';
import { SignOutButton } from '../layout/sign-out-button';
import { useTRPC } from '../trpc/client';
import { readError } from '../trpc/errors';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Card } from '../ui/card';

/** Where the account is signed in; ending a session takes effect on that device's next request. */
export function SessionsCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useQuery(trpc.auth.sessions.list.queryOptions());
  const revoke = useMutation(
    trpc.auth.sessions.revoke.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.auth.sessions.list.queryKey() }),
    }),
  );

  return (
    <Card title="Sessions" description="The browsers and API clients signed in to your account.">
      {revoke.isError ? (
        <div className="mb-4">
          <Alert tone="error">{readError(revoke.error).message}</Alert>
        </div>
      ) : null}
      {sessions.isPending ? (
        <p className="text-sm text-muted-foreground">Loading…</p>
      ) : sessions.isError ? (
        <Alert tone="error">Your sessions could not be loaded. Reload the page to try again.</Alert>
      ) : (
        <ul className="-my-4 divide-y divide-border">
          {sessions.data.items.map((session) => (
            <li key={session._id} className="flex flex-wrap items-center justify-between gap-3 py-4">
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-foreground">
                  {describeDevice(session.device)}
                  <Badge tone={session.channel === 'browser' ? 'neutral' : 'blue'}>
                    {session.channel === 'browser' ? 'Browser' : 'API'}
                  </Badge>
                  {session.current ? <Badge tone="green">This device</Badge> : null}
                </p>
                <p className="mt-0.5 text-xs text-muted-foreground">
                  {session.ip ? `${session.ip} · ` : ''}signed in {formatDateTime(session.createdAt)} · last
                  active {formatDateTime(session.lastSeenAt)}
                </p>
              </div>
              {session.current ? (
                <SignOutButton />
              ) : (
                <Button
                  variant="danger"
                  pending={revoke.isPending && revoke.variables?._id === session._id}
                  onClick={() => revoke.mutate({ _id: session._id })}
                  aria-label={`End the session of ${describeDevice(session.device)} signed in ${formatDateTime(session.createdAt)}`}
                >
                  End session
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
