import type { Metadata } from 'next';
import { AdminAccessProvider } from '@/components/admin/access';
import { ConsoleShell } from '@/components/layout/console-shell';
import { shellViewer } from '@/components/layout/shell-viewer';
import { getRuntime } from '@/server/core/runtime';
import { adminViewer } from './admin-viewer';

export const metadata: Metadata = { title: { default: 'Admin', template: '%s · Admin · Provena' } };

/** The admin console: platform staff only; support reads everything and changes nothing. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const { caller, canWrite } = await adminViewer();
  const me = await caller.auth.me();
  return (
    <ConsoleShell
      viewer={shellViewer(me)}
      staffBanner={{ env: getRuntime().config.appEnv, readOnly: !canWrite }}
    >
      <div className="mx-auto max-w-5xl px-4 py-6 sm:px-6 sm:py-8">
        <AdminAccessProvider canWrite={canWrite}>{children}</AdminAccessProvider>
      </div>
    </ConsoleShell>
  );
}
