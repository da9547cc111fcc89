'use client';

import { ErrorPanel } from '@/components/layout/error-panel';

/** An admin console page that failed, inside the shell (the layout around it still stands). */
export default function AdminError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel {...props} />;
}
