'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { setNonce } from 'get-nonce';
import { SessionProvider } from 'next-auth/react';
import { type ReactNode, useState } from 'react';
import type { AppRouter } from '@/server/routers';
import { TRPCProvider } from './trpc/client';
import { Toaster } from './ui/toast';

/**
 * tRPC over react-query and next-auth's session, for every page, and the one toast viewport.
 * `nonce`: this response's CSP nonce, for the <style> Radix's scroll lock adds when a dialog opens
 * (react-remove-scroll reads it through get-nonce); without it the production CSP refuses it.
 */
export function Providers({ nonce, children }: { nonce?: string; children: ReactNode }) {
  // In the browser only (on the server get-nonce is one global shared by concurrent requests, and
  // nothing injects styles there), before any dialog mounts.
  if (nonce && typeof window !== 'undefined') setNonce(nonce);
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          // Auth errors are answers, not glitches: retrying a wrong password only feeds the rate limit.
          queries: { staleTime: 30_000, retry: false, refetchOnWindowFocus: false },
          mutations: { retry: false },
        },
      }),
  );
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: '/api/trpc' })] }),
  );
  return (
    <SessionProvider refetchOnWindowFocus={false}>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          {children}
          <Toaster />
        </TRPCProvider>
      </QueryClientProvider>
    </SessionProvider>
  );
}
