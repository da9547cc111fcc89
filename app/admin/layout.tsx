import type { Metadata } from 'next';
import { AdminAccessProvider, ReadOnlyBadge } from '@/components/admin/access';
import { AdminNav } from '@/components/admin/admin-nav';
import { AppHeader } from '@/components/layout/app-header';
import { adminViewer } from './admin-viewer';

export const metadata: Metadata = { title: { default: 'Admin', template: '%s · Admin · Provena' } };

/** The admin console: platform staff only; support reads everything and changes nothing. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const { caller, canWrite } = await adminViewer();
  const me = await caller.auth.me();
  return (
    <>
      <AppHeader me={me} />
      <div className="border-b border-slate-200 bg-slate-100">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-2 sm:px-6">
          <AdminNav />
          {canWrite ? null : <ReadOnlyBadge />}
        </div>
      </div>
      <main className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
        <AdminAccessProvider canWrite={canWrite}>{children}</AdminAccessProvider>
      </main>
    </>
  );
}
