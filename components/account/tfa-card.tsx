'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTRPC } from '../trpc/client';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { RecoveryCodes } from './recovery-codes';
import { RecoveryCodesRow } from './recovery-codes-row';
import { TfaMethodRow } from './tfa-method-row';
import { TfaSetup } from './tfa-setup';

type View = { kind: 'list' } | { kind: 'setup' } | { kind: 'codes'; codes: string[]; title?: string };

export function TfaCard() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const methods = useQuery(trpc.auth.tfa.list.queryOptions());
  const [view, setView] = useState<View>({ kind: 'list' });

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.auth.tfa.list.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.auth.tfa.recoveryCodes.queryKey() });
    // The profile summary (server-rendered) shows whether two-factor sign-in is on.
    router.refresh();
  };
  // A pending method is only a half-finished setup; starting again replaces it.
  const shown = (methods.data?.items ?? []).filter((m) => m.status !== 'pending');
  const anyActive = shown.some((m) => m.status === 'active');

  return (
    <Card
      title="Two-factor sign-in"
      description="After your password, sign-in asks for a code from an authenticator app on your phone."
      actions={
        view.kind === 'list' && methods.isSuccess ? (
          <Button variant={anyActive ? 'secondary' : 'primary'} onClick={() => setView({ kind: 'setup' })}>
            {anyActive ? 'Add another authenticator' : 'Set up an authenticator app'}
          </Button>
        ) : null
      }
    >
      {view.kind === 'setup' ? (
        <TfaSetup
          onActivated={(codes) => {
            setView({ kind: 'codes', codes });
            refresh();
          }}
          onCancel={() => setView({ kind: 'list' })}
        />
      ) : view.kind === 'codes' ? (
        <RecoveryCodes codes={view.codes} title={view.title} onDone={() => setView({ kind: 'list' })} />
      ) : methods.isPending ? (
        <p className="text-sm text-muted-foreground">Loading…</p>
      ) : methods.isError ? (
        <Alert tone="error">Your authenticators could not be loaded. Reload the page to try again.</Alert>
      ) : shown.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          Two-factor sign-in is off. Anyone with your password can sign in as you.
        </p>
      ) : (
        <ul className="-my-4 divide-y divide-border">
          {shown.map((method) => (
            <TfaMethodRow
              key={method._id}
              method={method}
              onChanged={refresh}
              onReactivated={(codes) => {
                setView({ kind: 'codes', codes });
                refresh();
              }}
            />
          ))}
          {anyActive ? (
            <RecoveryCodesRow
              onRegenerated={(codes) => setView({ kind: 'codes', codes, title: 'Your new recovery codes' })}
            />
          ) : null}
        </ul>
      )}
    </Card>
  );
}
