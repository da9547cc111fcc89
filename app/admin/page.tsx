import type { Metadata } from 'next';
import { AdminOverview } from '@/components/admin/overview/admin-overview';
import { adminViewer } from './admin-viewer';

export const metadata: Metadata = { title: 'Admin' };

const RECENT_EVENTS = 10;

export default async function AdminHomePage() {
  const { caller, canWrite } = await adminViewer();
  const [overview, recent] = await Promise.all([
    caller.admin.overview(),
    caller.admin.audit.list({ limit: RECENT_EVENTS }),
  ]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-display">Admin console</h1>
        <p className="mt-1 text-body text-muted-foreground">
          {canWrite
            ? 'Platform administration: every change here is recorded in the audit log.'
            : 'You can read everything here; changes need the platform administrator role.'}
        </p>
      </div>
      <AdminOverview overview={overview} recent={recent.items} canWrite={canWrite} />
    </div>
  );
}
