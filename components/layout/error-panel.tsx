'use client';

import { useEffect } from 'react';
import { Button } from '../ui/button';
import { StatusPanel } from './status-page';

/** What an error boundary shows: it went wrong on our side, try again or go home; the reference for support. */
export function ErrorPanel({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <StatusPanel
      code="Error"
      title="Something went wrong"
      actions={
        <>
          <Button onClick={reset}>Try again</Button>
          {/* a full load rather than a client navigation: the router's state may be what broke */}
          <a
            href="/"
            className="focus-ring text-body font-medium text-link underline-offset-4 hover:underline"
          >
            Go home
          </a>
        </>
      }
    >
      <p>This page could not be shown. Try again, or go back to your home page.</p>
      {error.digest ? (
        <p className="text-body">
          If it keeps happening, tell support this reference:{' '}
          <code className="font-mono">{error.digest}</code>
        </p>
      ) : null}
    </StatusPanel>
  );
}
