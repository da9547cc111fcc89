'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiKeysPanel } from '../../api-keys/api-keys-panel';
import { useTRPC } from '../../trpc/client';
import { Card } from '../../ui/card';
import { useCanWrite } from '../access';

/**
 * Any profile's API keys for platform staff, admin-scoped ones included: platform.admin revokes
 * (admin.apiKeys.revoke) and creates through apiKeys.create, the admin scope allowed; support reads.
 */
export function ProfileApiKeysCard({ profileId }: { profileId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canWrite = useCanWrite();
  const options = trpc.admin.apiKeys.list.queryOptions({ profileId });
  const query = useQuery(options);
  const create = useMutation(trpc.apiKeys.create.mutationOptions());
  const revoke = useMutation(trpc.admin.apiKeys.revoke.mutationOptions());
  return (
    <Card title="API keys" description="Keys partner systems use to act for this profile.">
      <ApiKeysPanel
        keys={query.data?.items}
        loading={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        // a platform admin holds every permission: every non-admin scope starts ticked
        held={() => true}
        allowAdminScope
        onChanged={() => void queryClient.invalidateQueries({ queryKey: options.queryKey })}
        actions={
          canWrite
            ? {
                create: (input) => create.mutateAsync({ profileId, ...input }),
                revoke: (key) => revoke.mutateAsync({ profileId, _id: key._id }),
              }
            : {}
        }
      />
    </Card>
  );
}
