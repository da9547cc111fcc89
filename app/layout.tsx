import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { Providers } from '@/components/providers';
import { SkipLink } from '@/components/ui/skip-link';
import './globals.css';

// Every page reads the session or the runtime at request time: nothing is prerendered at build.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'Provena', template: '%s · Provena' },
  description: 'Measured emissions data for natural gas',
};

/** The nonce server/http/security-headers.ts put in the request's CSP (Next stamps it on its scripts). */
async function cspNonce(): Promise<string | undefined> {
  const csp = (await headers()).get('content-security-policy') ?? '';
  return /'nonce-([^']+)'/.exec(csp)?.[1];
}

// data-color-scheme="system": light or dark as the system says, on every page (globals.css).
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" data-color-scheme="system">
      <body className="min-h-dvh bg-background text-foreground antialiased">
        <SkipLink />
        <Providers nonce={await cspNonce()}>{children}</Providers>
      </body>
    </html>
  );
}
