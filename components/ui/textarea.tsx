import type { TextareaHTMLAttributes } from 'react';
import { cn } from './cn';
import { controlClass } from './input';

export type TextareaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  ref?: React.Ref<HTMLTextAreaElement>;
};

/** A bare multi-line input; it grows with its content up to max-h, then scrolls. */
export function Textarea({ className, rows = 3, ref, ...props }: TextareaProps) {
  return (
    <textarea
      ref={ref}
      rows={rows}
      className={cn(controlClass, 'field-sizing-content max-h-72 min-h-20 py-2', className)}
      {...props}
    />
  );
}
