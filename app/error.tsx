'use client';

import { BareFrame } from '@/components/layout/bare-frame';
import { ErrorPanel } from '@/components/layout/error-panel';

/** An error outside the dashboard and the console (their layouts failed, or a signed-out page). */
export default function RootError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <BareFrame>
      <ErrorPanel {...props} />
    </BareFrame>
  );
}
