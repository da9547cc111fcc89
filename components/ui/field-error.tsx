import type { ReactNode } from 'react';

/** A validation message under the field (or group of choices) it is about. */
export function FieldError({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <p id={id} className="text-sm text-red-700">
      {children}
    </p>
  );
}
