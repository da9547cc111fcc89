import type { Metadata } from 'next';
import { AuditLog } from '@/components/admin/audit/audit-log';
import { adminViewer } from '../admin-viewer';

export const metadata: Metadata = { title: 'Audit log' };

/**
 * The filters, sort and page live in the address (`?userId=`, `?organizationId=`, `?action=`,
 * `?sort=-at`, `?page=2`): the user and organization pages link here already filtered.
 */
export default async function AdminAuditPage() {
  await adminViewer();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
      <AuditLog />
    </div>
  );
}
