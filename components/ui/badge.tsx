import { cva } from 'class-variance-authority';
import type { ReactNode } from 'react';
import { cn } from './cn';

type Tone = 'neutral' | 'green' | 'amber' | 'blue' | 'red';

export const badgeVariants = cva(
  'inline-flex w-fit shrink-0 items-center gap-1 rounded-full border px-2 py-0.5 text-caption font-medium whitespace-nowrap [&_svg]:size-3',
  {
    variants: {
      tone: {
        neutral: 'border-neutral-border bg-neutral-bg text-neutral-fg',
        green: 'border-success-border bg-success-bg text-success-fg',
        amber: 'border-warning-border bg-warning-bg text-warning-fg',
        blue: 'border-info-border bg-info-bg text-info-fg',
        red: 'border-danger-border bg-danger-bg text-danger-fg',
      } satisfies Record<Tone, string>,
      /** a dot before the label, for statuses in dense lists */
      dot: { true: 'before:size-1.5 before:rounded-full before:bg-current', false: '' },
    },
    defaultVariants: { tone: 'neutral', dot: false },
  },
);

export type BadgeTone = Tone;

export function Badge({
  tone = 'neutral',
  dot = false,
  className,
  children,
}: {
  tone?: Tone;
  dot?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return <span className={cn(badgeVariants({ tone, dot }), className)}>{children}</span>;
}
