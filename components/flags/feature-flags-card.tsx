'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import {
  type FeatureFlag,
  type FlagValues,
  featureFlagNames,
  featureFlags,
} from '@/server/modules/flags/catalog';
import { useTRPC } from '../trpc/client';
import { readError } from '../trpc/errors';
import { Badge } from '../ui/badge';
import { Card } from '../ui/card';
import { Switch } from '../ui/switch';
import { toast } from '../ui/toast';

/**
 * A profile's feature flags: every catalog flag with its description and whether it is on. Those
 * who may set flags get a switch that saves at once (optimistic: the switch moves, a failure puts
 * it back and says why); everyone else reads the same list. `initial` is what the server rendered.
 */
export function FeatureFlagsCard({
  profileId,
  initial,
  canWrite,
}: {
  profileId: string;
  initial: FlagValues;
  canWrite: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = trpc.flags.get.queryOptions({ profileId });
  const { data } = useQuery({ ...options, initialData: { profileId, flags: initial }, staleTime: 30_000 });
  const flags: FlagValues = data.flags;
  const set = useMutation(
    trpc.flags.set.mutationOptions({
      onMutate: async ({ flags: changes }) => {
        await queryClient.cancelQueries({ queryKey: options.queryKey });
        const previous = queryClient.getQueryData(options.queryKey);
        const next: FlagValues = { ...flags };
        for (const { flag, value } of changes) next[flag] = value ?? undefined;
        queryClient.setQueryData(options.queryKey, { profileId, flags: next });
        return { previous };
      },
      onError: (error, _input, context) => {
        if (context?.previous) queryClient.setQueryData(options.queryKey, context.previous);
        toast.error('The feature flag was not changed', { description: readError(error).message });
      },
      onSuccess: (saved, { flags: [change] }) => {
        queryClient.setQueryData(options.queryKey, saved);
        if (change) {
          const state = saved.flags[change.flag] ? 'on' : 'off';
          toast.success(`${featureFlags[change.flag].name} switched ${state}`);
        }
      },
    }),
  );

  return (
    <Card
      title="Feature flags"
      description="Product modules switched on for this profile. A module whose flag is off is hidden."
      actions={canWrite ? null : <Badge>Read-only</Badge>}
    >
      <ul className="-my-4 divide-y divide-border">
        {featureFlagNames.map((flag) => (
          <FlagRow
            key={flag}
            flag={flag}
            on={flags[flag] === true}
            canWrite={canWrite}
            busy={set.isPending && set.variables?.flags.some((f) => f.flag === flag)}
            onChange={(on) => set.mutate({ profileId, flags: [{ flag, value: on }] })}
          />
        ))}
      </ul>
    </Card>
  );
}

function FlagRow({
  flag,
  on,
  canWrite,
  busy,
  onChange,
}: {
  flag: FeatureFlag;
  on: boolean;
  canWrite: boolean;
  busy: boolean | undefined;
  onChange: (on: boolean) => void;
}) {
  const id = useId();
  const { name, description } = featureFlags[flag];
  const title = (
    <>
      {name} <span className="font-mono text-caption text-muted-foreground">{flag}</span>
    </>
  );
  return (
    <li className="flex items-start justify-between gap-4 py-4">
      <div className="min-w-0 space-y-1">
        {canWrite ? (
          <label htmlFor={id} className="text-sm font-medium text-foreground">
            {title}
          </label>
        ) : (
          <p className="text-sm font-medium text-foreground">{title}</p>
        )}
        <p id={`${id}-description`} className="text-sm text-muted-foreground">
          {description}
        </p>
      </div>
      {canWrite ? (
        <div className="flex shrink-0 items-center gap-2">
          <span className="text-sm text-muted-foreground" aria-hidden="true">
            {on ? 'On' : 'Off'}
          </span>
          <Switch
            id={id}
            checked={on}
            disabled={busy}
            aria-describedby={`${id}-description`}
            onCheckedChange={onChange}
          />
        </div>
      ) : (
        <Badge tone={on ? 'green' : 'neutral'}>{on ? 'On' : 'Off'}</Badge>
      )}
    </li>
  );
}
