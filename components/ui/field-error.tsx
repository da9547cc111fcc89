import { CircleAlert } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from './cn';

/** A validation message under the field (or group of choices) it is about. */
export function FieldError({
  id,
  className,
  children,
}: {
  id?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <p id={id} className={cn('flex items-start gap-1.5 text-body text-danger-fg', className)}>
      <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      {/* one line per rule when a field broke several (components/trpc/errors.ts) */}
      <span className="whitespace-pre-line">{children}</span>
    </p>
  );
}

/** Help text under a field. */
export function FieldHint({
  id,
  className,
  children,
}: {
  id?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <p id={id} className={cn('text-caption text-muted-foreground', className)}>
      {children}
    </p>
  );
}
