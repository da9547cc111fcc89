'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/components/trpc/client';
import { ApiKeysPanel } from './api-keys-panel';

/** The API keys section of /profiles/[id]: apiKeys.list, and create/revoke/rotate with api_keys.write. */
export function ProfileApiKeys({
  profileId,
  permissions,
}: {
  profileId: string;
  /** the viewer's permissions on the profile */
  permissions: string[];
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = trpc.apiKeys.list.queryOptions({ profileId });
  const query = useQuery(options);
  const create = useMutation(trpc.apiKeys.create.mutationOptions());
  const revoke = useMutation(trpc.apiKeys.revoke.mutationOptions());
  const rotate = useMutation(trpc.apiKeys.rotate.mutationOptions());
  const canWrite = permissions.includes('api_keys.write');
  return (
    <ApiKeysPanel
      keys={query.data?.items}
      loading={query.isPending}
      error={query.error}
      onRetry={() => void query.refetch()}
      held={(p) => permissions.includes(p)}
      onChanged={() => void queryClient.invalidateQueries({ queryKey: options.queryKey })}
      actions={
        canWrite
          ? {
              create: (input) => create.mutateAsync({ profileId, ...input }),
              revoke: (key) => revoke.mutateAsync({ profileId, _id: key._id }),
              rotate: (key) => rotate.mutateAsync({ profileId, _id: key._id }),
            }
          : {}
      }
    />
  );
}
