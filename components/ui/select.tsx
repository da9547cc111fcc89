import { type ReactNode, type SelectHTMLAttributes, useId } from 'react';
import { FieldError } from './field-error';

/** A labelled native select; like Input, its error sits under it and is tied to it with aria-describedby. */
export function Select({
  label,
  error,
  hint,
  id,
  className = '',
  children,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { label: string; error?: string; hint?: ReactNode }) {
  const generated = useId();
  const selectId = id ?? generated;
  const describedBy = error ? `${selectId}-error` : hint ? `${selectId}-hint` : undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={selectId} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={selectId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`block w-full rounded-md border bg-white px-3 py-2 text-sm text-slate-900 shadow-xs outline-none focus:ring-2 disabled:bg-slate-50 disabled:text-slate-500 ${
          error
            ? 'border-red-500 focus:border-red-500 focus:ring-red-200'
            : 'border-slate-300 focus:border-emerald-600 focus:ring-emerald-100'
        } ${className}`}
        {...props}
      >
        {children}
      </select>
      {hint && !error ? (
        <p id={`${selectId}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? <FieldError id={`${selectId}-error`}>{error}</FieldError> : null}
    </div>
  );
}
