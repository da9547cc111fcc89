'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ChangePasswordForm } from '../auth/change-password-form';
import { useTRPC } from '../trpc/client';
import { Alert } from '../ui/alert';
import { Card } from '../ui/card';

export function ChangePasswordCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [done, setDone] = useState(false);
  return (
    <Card title="Password" description="Changing it signs out every other device.">
      <div className="max-w-sm space-y-4">
        {done ? (
          <Alert tone="success">Your password is changed. Your other sessions were signed out.</Alert>
        ) : null}
        <ChangePasswordForm
          onDone={() => {
            setDone(true);
            void queryClient.invalidateQueries({ queryKey: trpc.auth.sessions.list.queryKey() });
          }}
        />
      </div>
    </Card>
  );
}
