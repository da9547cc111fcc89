import type { Metadata } from 'next';
import { Providers } from '@/components/providers';
import './globals.css';

// Every page reads the session or the runtime at request time: nothing is prerendered at build.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'Provena', template: '%s · Provena' },
  description: 'Measured emissions data for natural gas',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
