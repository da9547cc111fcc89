import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Logo } from '@/components/layout/logo';
import { MailboxList } from '@/components/mailbox/mailbox-list';
import { buttonClass } from '@/components/ui/button';
import { getRuntime } from '@/server/core/runtime';
import { listOutbox } from '@/server/modules/mail/services/list-outbox';

export const metadata: Metadata = { title: 'Dev mailbox', robots: { index: false } };
export const dynamic = 'force-dynamic';

/**
 * Every email the app wrote, for a local run without SMTP. It shows every user's mail, so it
 * exists only when APP_ENV=development; anywhere else the page is a 404.
 */
export default async function DevMailboxPage() {
  const rt = getRuntime();
  if (rt.config.appEnv !== 'development') notFound();
  const messages = await listOutbox(rt, { limit: 50 });
  return (
    <main className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
      <div className="mb-6 flex flex-wrap items-center justify-between gap-4">
        <div className="flex items-center gap-4">
          <Logo />
          <span className="text-subtle-foreground">/</span>
          <h1 className="text-lg font-semibold">Dev mailbox</h1>
        </div>
        <a href="/dev/mailbox" className={buttonClass('secondary')}>
          Refresh
        </a>
      </div>
      <p className="mb-6 text-sm text-muted-foreground">
        Emails kept in the outbox because no SMTP server is set (newest first, last 50). This page exists only
        when APP_ENV=development.
      </p>
      <MailboxList messages={messages} />
    </main>
  );
}
