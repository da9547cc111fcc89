import { type InputHTMLAttributes, type ReactNode, useId } from 'react';
import { cn } from './cn';
import { FieldError, FieldHint } from './field-error';

/** The look of every text-like control (input, textarea, select trigger), invalid state included. */
export const controlClass = cn(
  'focus-ring block w-full min-w-0 rounded-md border border-input bg-card px-3 text-body text-foreground shadow-xs transition-colors',
  'placeholder:text-subtle-foreground disabled:cursor-not-allowed disabled:bg-muted disabled:text-muted-foreground',
  'aria-invalid:border-danger-fg',
);

export type InputControlProps = InputHTMLAttributes<HTMLInputElement>;

/** A bare input with the system's look: the labelled `Input` or a `FormField` puts it in context. */
export function InputControl({
  className,
  type = 'text',
  ref,
  ...props
}: InputControlProps & { ref?: React.Ref<HTMLInputElement> }) {
  return <input ref={ref} type={type} className={cn(controlClass, 'h-9 py-1.5', className)} {...props} />;
}

export type InputProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  /** shown under the field and announced with it */
  error?: string;
  hint?: ReactNode;
};

/** A labelled input; its error sits right under it and is tied to it with aria-describedby. */
export function Input({ label, error, hint, id, className, ...props }: InputProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const errorId = `${inputId}-error`;
  const hintId = `${inputId}-hint`;
  // The hint gives way to the error, so only the one shown is referenced.
  const describedBy = error ? errorId : hint ? hintId : undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={inputId} className="block text-body font-medium text-foreground">
        {label}
      </label>
      <InputControl
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={className}
        {...props}
      />
      {hint && !error ? <FieldHint id={hintId}>{hint}</FieldHint> : null}
      {error ? <FieldError id={errorId}>{error}</FieldError> : null}
    </div>
  );
}
