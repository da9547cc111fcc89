import type { OutboxMessage } from '@/server/modules/mail/services/list-outbox';
import { formatDateTime } from '../format';
import { Badge } from '../ui/badge';

const statusTone = { pending: 'amber', sent: 'green', failed: 'red', expired: 'neutral' } as const;

/** Splits a plain-text body so its links can be clicked (reset links, mostly). */
function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s]+)/g);
  return (
    <>
      {parts.map((part, index) =>
        /^https?:\/\//.test(part) ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string never reorder
          <a key={index} href={part} className="break-all text-link underline">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}

export function MailboxList({ messages }: { messages: OutboxMessage[] }) {
  if (messages.length === 0) {
    return (
      <p className="text-sm text-muted-foreground">
        No messages yet. Ask for a sign-in code and reload this page.
      </p>
    );
  }
  return (
    <ol className="space-y-4">
      {messages.map((message) => (
        <li key={message.id}>
          <article aria-label={message.subject} className="rounded-lg border border-border bg-card shadow-xs">
            <header className="flex flex-wrap items-start justify-between gap-2 border-b border-border px-5 py-3">
              <div>
                <h2 className="font-medium text-foreground">{message.subject}</h2>
                <p className="text-sm text-muted-foreground">
                  To <span className="font-medium text-foreground">{message.to}</span> ·{' '}
                  <time dateTime={message.createdAt}>{formatDateTime(message.createdAt, { utc: true })}</time>
                </p>
              </div>
              <div className="flex gap-2">
                <Badge>{message.kind}</Badge>
                <Badge tone={statusTone[message.status]}>{message.status}</Badge>
              </div>
            </header>
            {message.scrubbed ? (
              <p className="px-5 py-4 text-sm text-muted-foreground">
                The content was removed once the message was {message.status} (its code or link no longer
                works).
              </p>
            ) : (
              <pre className="overflow-x-auto whitespace-pre-wrap px-5 py-4 font-sans text-sm text-foreground">
                <Linkified text={message.text} />
              </pre>
            )}
          </article>
        </li>
      ))}
    </ol>
  );
}
