import { currentMe } from '@/app/(app)/current-me';
import { ConsoleShell } from '@/components/layout/console-shell';
import { Logo } from '@/components/layout/logo';
import { shellViewer } from '@/components/layout/shell-viewer';
import { getCurrentPrincipal } from '@/server/modules/auth/current-principal';

/**
 * The API reference sits in the console (Developers → API reference) for a signed-in person; a
 * partner's developer without an account, or a problem's `type` link, still reads it in a plain
 * frame, as they can read /api/v1/openapi.json.
 */
export default async function ApiDocsLayout({ children }: { children: React.ReactNode }) {
  if (await getCurrentPrincipal()) {
    const { me } = await currentMe();
    return <ConsoleShell viewer={shellViewer(me)}>{children}</ConsoleShell>;
  }
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex h-14 items-center justify-between gap-4 border-b border-border bg-card px-4 sm:px-6">
        <Logo />
        <a href="/sign-in" className="focus-ring rounded-md text-body font-medium text-link hover:underline">
          Sign in
        </a>
      </header>
      <main id="content" className="min-w-0 flex-1">
        {children}
      </main>
    </div>
  );
}
