import type { Metadata } from 'next';
import { AuditLog } from '@/components/admin/audit/audit-log';
import { adminViewer } from '../admin-viewer';

export const metadata: Metadata = { title: 'Audit log' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidParam = (value: string | string[] | undefined) =>
  typeof value === 'string' && UUID.test(value) ? value : undefined;

/** `?userId=` and `?organizationId=` open the log already filtered (user and organization pages link here). */
export default async function AdminAuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await adminViewer();
  const params = await searchParams;
  const initialFilters = {
    userId: uuidParam(params.userId),
    organizationId: uuidParam(params.organizationId),
  };
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
      <AuditLog key={JSON.stringify(initialFilters)} initialFilters={initialFilters} />
    </div>
  );
}
