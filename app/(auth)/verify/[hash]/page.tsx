import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { AuthShell } from '@/components/layout/auth-shell';
import { createEntryContext } from '@/server/core/request-context';
import { CLIENT_IP_HEADER } from '@/server/core/request-headers';
import { getRuntime } from '@/server/core/runtime';
import { createCaller } from '@/server/routers';

export const metadata: Metadata = { title: 'Verify a statement', referrer: 'no-referrer' };
export const dynamic = 'force-dynamic';

/**
 * Where a statement's QR code points: says only whether a statement with this verification hash
 * was issued and is not void (reports.verify), with the hash itself. No number, no names.
 */
export default async function VerifyPage({ params }: { params: Promise<{ hash: string }> }) {
  const { hash } = await params;
  const h = await headers();
  const meta = {
    ip: h.get(CLIENT_IP_HEADER) ?? 'unknown',
    userAgent: h.get('user-agent') ?? undefined,
    requestId: h.get('x-request-id') ?? 'server-component',
  };
  const caller = createCaller(createEntryContext(getRuntime(), meta, null, {}));
  const result = await caller.reports.verify({ hash: decodeURIComponent(hash).slice(0, 200) });
  return (
    <AuthShell
      title={result.valid ? 'Valid statement' : 'Not valid'}
      description={
        result.valid
          ? 'A statement with this verification hash was issued by Provena and has not been voided.'
          : 'No statement with this verification hash is valid: it was never issued, or it has been voided.'
      }
    >
      <p className="text-sm font-medium">Verification hash</p>
      <p className="mt-1 break-all rounded-md bg-muted px-3 py-2 font-mono text-xs" data-testid="verify-hash">
        {result.hash}
      </p>
      <p
        className={`mt-4 text-sm font-semibold ${result.valid ? 'text-emerald-700 dark:text-emerald-400' : 'text-destructive'}`}
      >
        {result.valid ? 'Valid' : 'Not valid or void'}
      </p>
    </AuthShell>
  );
}
