import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthShell } from '@/components/layout/auth-shell';

export const metadata: Metadata = { title: 'Page not found' };

/** Ours rather than Next's default, whose inline styles the CSP refuses. */
export default function NotFound() {
  return (
    <AuthShell title="Page not found" description="There is no page at this address.">
      <Link href="/" className="block text-sm font-medium text-emerald-800 hover:underline">
        Go to Provena
      </Link>
    </AuthShell>
  );
}
