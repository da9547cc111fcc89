'use client';

import { ErrorPanel } from '@/components/layout/error-panel';

/** A dashboard page that failed, inside the shell (the layout around it still stands). */
export default function DashboardError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel {...props} />;
}
