import { MutationObserver, onlineManager, QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { queryClientConfig } from '@/components/providers';

/**
 * Issue 9: a save made while the browser is offline fails at once (useSave then shows "not saved"
 * with Retry) instead of react-query pausing it until the network returns, a spinner for ever.
 */
afterEach(() => onlineManager.setOnline(true));

describe('offline saves', () => {
  it('runs the call offline, so its failure reaches the form', async () => {
    onlineManager.setOnline(false);
    const client = new QueryClient(queryClientConfig);
    const observer = new MutationObserver(client, {
      mutationFn: () => Promise.reject(new TypeError('offline')),
    });
    const outcome = await Promise.race([
      observer.mutate(undefined).then(
        () => 'saved',
        (error: Error) => error.message,
      ),
      new Promise((resolve) => setTimeout(() => resolve('paused'), 500)),
    ]);
    expect(outcome).toBe('offline');
  });
});
