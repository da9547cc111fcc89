import { Check, Minus } from 'lucide-react';
import { Checkbox as CheckboxPrimitive } from 'radix-ui';
import type { ComponentProps, InputHTMLAttributes, ReactNode } from 'react';
import { cn } from './cn';

/**
 * A native checkbox (or radio) with its label beside it; the whole line is the click target.
 * Native, so it posts with a plain form and takes onChange like any input.
 */
export function Checkbox({
  label,
  hint,
  type = 'checkbox',
  className,
  ...props
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & {
  label: ReactNode;
  hint?: ReactNode;
  type?: 'checkbox' | 'radio';
}) {
  return (
    <label
      className={cn(
        'flex items-start gap-2 text-body',
        props.disabled ? 'cursor-not-allowed text-muted-foreground' : 'cursor-pointer text-foreground',
        className,
      )}
    >
      <input type={type} className="focus-ring mt-0.5 size-4 shrink-0 accent-primary" {...props} />
      <span>
        {label}
        {hint ? <span className="block text-caption text-muted-foreground">{hint}</span> : null}
      </span>
    </label>
  );
}

/** The Radix checkbox (checked, onCheckedChange, indeterminate), for controlled UIs and tables. */
export function CheckboxControl({ className, ...props }: ComponentProps<typeof CheckboxPrimitive.Root>) {
  return (
    <CheckboxPrimitive.Root
      className={cn(
        'peer focus-ring grid size-4 shrink-0 place-items-center rounded-[4px] border border-input bg-card shadow-xs disabled:cursor-not-allowed disabled:opacity-50 aria-invalid:border-danger-fg data-[state=checked]:border-primary data-[state=checked]:bg-primary data-[state=checked]:text-primary-foreground data-[state=indeterminate]:border-primary data-[state=indeterminate]:bg-primary data-[state=indeterminate]:text-primary-foreground',
        className,
      )}
      {...props}
    >
      <CheckboxPrimitive.Indicator className="group grid place-items-center">
        {props.checked === 'indeterminate' ? (
          <Minus aria-hidden="true" className="size-3.5" />
        ) : (
          <Check aria-hidden="true" className="size-3.5" />
        )}
      </CheckboxPrimitive.Indicator>
    </CheckboxPrimitive.Root>
  );
}
