'use client';

import { useRef, useState } from 'react';
import { Button } from '../ui/button';

/**
 * A destructive action asked twice: the first press shows the question with the real button,
 * focused, beside Cancel; Escape or Cancel goes back to where it started.
 */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  pending,
  variant = 'danger',
  ariaLabel,
  align = 'start',
}: {
  label: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => unknown;
  pending?: boolean;
  variant?: 'danger' | 'secondary';
  /** names the action's object when several such buttons share a page */
  ariaLabel?: string;
  /** 'end' in a table's last column, so the question opens where the button was */
  align?: 'start' | 'end';
}) {
  const [asking, setAsking] = useState(false);
  const box = useRef<HTMLDivElement>(null);

  function close() {
    setAsking(false);
    // Back on the button that opened the question, not lost at the top of the page.
    requestAnimationFrame(() => box.current?.querySelector('button')?.focus());
  }

  return (
    <div ref={box}>
      {asking ? (
        <fieldset
          className={`flex flex-wrap items-center gap-2 ${align === 'end' ? 'justify-end' : ''}`}
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
          }}
        >
          <legend className="float-left mr-1 text-sm text-foreground">{question}</legend>
          <Button
            variant={variant === 'danger' ? 'danger' : 'primary'}
            autoFocus
            pending={pending}
            onClick={async () => {
              try {
                await onConfirm();
              } catch {
                // The caller shows the mutation's error; the question just closes.
              } finally {
                setAsking(false);
              }
            }}
          >
            {confirmLabel}
          </Button>
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
        </fieldset>
      ) : (
        <Button variant={variant} aria-label={ariaLabel} onClick={() => setAsking(true)}>
          {label}
        </Button>
      )}
    </div>
  );
}
