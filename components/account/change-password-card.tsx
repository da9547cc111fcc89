'use client';

import { useQueryClient } from '@tanstack/react-query';
import { ChangePasswordForm } from '../auth/change-password-form';
import { useTRPC } from '../trpc/client';
import { Card } from '../ui/card';
import { toastSaved } from '../ui/toast';

export function ChangePasswordCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (
    <Card title="Password" description="Changing it signs out every other device.">
      <div className="max-w-sm">
        <ChangePasswordForm
          onDone={() => {
            toastSaved('Password', 'Your other sessions were signed out.', 'changed');
            void queryClient.invalidateQueries({ queryKey: trpc.auth.sessions.list.queryKey() });
          }}
        />
      </div>
    </Card>
  );
}
