import { CircleAlert, CircleCheck, Info, TriangleAlert } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from './cn';

type Tone = 'error' | 'success' | 'info' | 'warning';

const tones: Record<Tone, { className: string; Icon: typeof Info }> = {
  error: { className: 'border-danger-border bg-danger-bg text-danger-fg', Icon: CircleAlert },
  success: { className: 'border-success-border bg-success-bg text-success-fg', Icon: CircleCheck },
  info: { className: 'border-info-border bg-info-bg text-info-fg', Icon: Info },
  warning: { className: 'border-warning-border bg-warning-bg text-warning-fg', Icon: TriangleAlert },
};

/**
 * A message in the flow of the page. Errors are announced at once (role=alert); other tones
 * politely (role=status). `actions` (a Retry button, a link) sit after the text.
 */
export function Alert({
  tone = 'info',
  title,
  actions,
  className,
  children,
}: {
  tone?: Tone;
  title?: ReactNode;
  actions?: ReactNode;
  className?: string;
  children?: ReactNode;
}) {
  const { className: toneClass, Icon } = tones[tone];
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={cn('flex gap-3 rounded-md border px-4 py-3 text-body', toneClass, className)}
    >
      <Icon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0 flex-1">
        {title ? <p className="font-medium">{title}</p> : null}
        {children ? <div className={cn(title ? 'mt-1' : '', 'text-foreground/90')}>{children}</div> : null}
        {actions ? <div className="mt-3 flex flex-wrap gap-2">{actions}</div> : null}
      </div>
    </div>
  );
}
