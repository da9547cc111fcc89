'use client';

import { RadioGroup as RadioGroupPrimitive } from 'radix-ui';
import { type ComponentProps, type ReactNode, useId } from 'react';
import { cn } from './cn';

export function RadioGroup({ className, ...props }: ComponentProps<typeof RadioGroupPrimitive.Root>) {
  return <RadioGroupPrimitive.Root className={cn('grid gap-3', className)} {...props} />;
}

export function RadioGroupItem({ className, ...props }: ComponentProps<typeof RadioGroupPrimitive.Item>) {
  return (
    <RadioGroupPrimitive.Item
      className={cn(
        'peer focus-ring aspect-square size-4 shrink-0 rounded-full border border-input bg-card shadow-xs disabled:cursor-not-allowed disabled:opacity-50 aria-invalid:border-danger-fg data-[state=checked]:border-primary',
        className,
      )}
      {...props}
    >
      <RadioGroupPrimitive.Indicator className="flex items-center justify-center">
        <span className="size-2 rounded-full bg-primary" />
      </RadioGroupPrimitive.Indicator>
    </RadioGroupPrimitive.Item>
  );
}

/** One choice of a RadioGroup with its label (and a line of hint) beside it. */
export function RadioOption({
  value,
  label,
  hint,
  disabled,
}: {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="flex items-start gap-2">
      <RadioGroupItem id={id} value={value} disabled={disabled} className="mt-0.5" />
      <label htmlFor={id} className="text-body peer-disabled:cursor-not-allowed peer-disabled:opacity-60">
        {label}
        {hint ? <span className="block text-caption text-muted-foreground">{hint}</span> : null}
      </label>
    </div>
  );
}
