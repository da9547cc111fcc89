import Link from 'next/link';
import { Alert } from '@/components/ui/alert';

/** A profile that does not exist and one of another organization look the same (ids cannot be probed). */
export default function ProfileNotFound() {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Profile not found</h1>
      <Alert tone="warning">
        This profile does not exist, or it belongs to an organization you are not a member of.
      </Alert>
      <Link href="/profiles" className="text-sm font-medium text-link hover:underline">
        ← All profiles
      </Link>
    </div>
  );
}
