'use client';

import { QueryClient, type QueryClientConfig, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { setNonce } from 'get-nonce';
import { SessionProvider } from 'next-auth/react';
import { type ReactNode, useState } from 'react';
import type { AppRouter } from '@/server/routers';
import { TRPCProvider } from './trpc/client';
import { Toaster } from './ui/toast';

/** How long a call may go unanswered before the form says the network is gone and offers Retry. */
const CALL_TIMEOUT_MS = 15_000;

/**
 * fetch that fails at once when the browser knows it is offline and after CALL_TIMEOUT_MS when
 * the network swallows the request, instead of spinning until the socket gives up (30 s and more).
 */
const fetchOrGiveUp: typeof fetch = (input, init) => {
  if (navigator.onLine === false) return Promise.reject(new TypeError('offline'));
  const timeout = AbortSignal.timeout(CALL_TIMEOUT_MS);
  const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
  return fetch(input, { ...init, signal });
};

/**
 * Auth errors are answers, not glitches: retrying a wrong password only feeds the rate limit.
 * networkMode 'always': offline, react-query would otherwise pause a call until the browser is
 * back online, so a save spun forever instead of failing at once with "not saved" and Retry.
 */
export const queryClientConfig = {
  defaultOptions: {
    queries: { staleTime: 30_000, retry: false, refetchOnWindowFocus: false, networkMode: 'always' },
    mutations: { retry: false, networkMode: 'always' },
  },
} satisfies QueryClientConfig;

/**
 * tRPC over react-query and next-auth's session, for every page, and the one toast viewport.
 * `nonce`: this response's CSP nonce, for the <style> Radix's scroll lock adds when a dialog opens
 * (react-remove-scroll reads it through get-nonce); without it the production CSP refuses it.
 */
export function Providers({ nonce, children }: { nonce?: string; children: ReactNode }) {
  // In the browser only (on the server get-nonce is one global shared by concurrent requests, and
  // nothing injects styles there), before any dialog mounts.
  if (nonce && typeof window !== 'undefined') setNonce(nonce);
  const [queryClient] = useState(() => new QueryClient(queryClientConfig));
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: '/api/trpc', fetch: fetchOrGiveUp })] }),
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
