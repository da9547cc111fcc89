import type { Metadata } from 'next';
import { BareFrame } from '@/components/layout/bare-frame';
import { ConsoleShell } from '@/components/layout/console-shell';
import { NotFoundPanel } from '@/components/layout/not-found-panel';
import { shellViewer } from '@/components/layout/shell-viewer';
import { getCurrentPrincipal } from '@/server/modules/auth/current-principal';
import { serverCaller } from '@/server/modules/auth/server-caller';

export const metadata: Metadata = { title: 'Page not found' };

/**
 * Any address nothing answers, and the admin console for someone who is not staff (its layout
 * refuses with notFound()): inside the shell for a signed-in person, on the bare frame otherwise.
 * Ours rather than Next's default, whose inline styles the CSP refuses.
 */
export default async function NotFound() {
  const actor = await getCurrentPrincipal();
  if (!actor || actor.session.restricted) {
    return (
      <BareFrame>
        <NotFoundPanel />
      </BareFrame>
    );
  }
  const me = await (await serverCaller(actor)).auth.me();
  return (
    <ConsoleShell viewer={shellViewer(me)}>
      <div className="mx-auto max-w-5xl px-4 sm:px-6">
        <NotFoundPanel />
      </div>
    </ConsoleShell>
  );
}
