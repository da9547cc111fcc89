'use client';

import { BareFrame } from '@/components/layout/bare-frame';
import { ErrorPanel } from '@/components/layout/error-panel';
import './globals.css';

/**
 * When the root layout itself fails. Next's default draws with inline styles, which the
 * production CSP (style-src with a nonce) refuses: this one uses the stylesheet instead.
 */
export default function GlobalError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en" data-color-scheme="system">
      <body className="bg-background text-foreground antialiased">
        <BareFrame>
          <ErrorPanel {...props} />
        </BareFrame>
      </body>
    </html>
  );
}
