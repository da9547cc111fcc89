import type { InputHTMLAttributes, ReactNode } from 'react';

/** A checkbox (or radio) with its label beside it; the whole line is the click target. */
export function Checkbox({
  label,
  hint,
  type = 'checkbox',
  ...props
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & {
  label: ReactNode;
  hint?: ReactNode;
  type?: 'checkbox' | 'radio';
}) {
  return (
    <label
      className={`flex items-start gap-2 text-sm ${props.disabled ? 'cursor-not-allowed text-slate-500' : 'cursor-pointer text-slate-800'}`}
    >
      <input
        type={type}
        className="mt-0.5 size-4 shrink-0 accent-emerald-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-700"
        {...props}
      />
      <span>
        {label}
        {hint ? <span className="block text-xs text-slate-500">{hint}</span> : null}
      </span>
    </label>
  );
}
