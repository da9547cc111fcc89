import { ConsoleShell } from '@/components/layout/console-shell';
import { shellViewer } from '@/components/layout/shell-viewer';
import { currentMe } from './current-me';

/** Every page in here is for a signed-in user whose password needs no change. */
export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const { me } = await currentMe();
  return (
    <ConsoleShell viewer={shellViewer(me)}>
      <div className="mx-auto max-w-5xl px-4 py-6 sm:px-6 sm:py-8">{children}</div>
    </ConsoleShell>
  );
}
