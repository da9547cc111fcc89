'use client';

import { type ReactNode, useEffect } from 'react';
import { type FieldPath, type FieldValues, useFormContext } from 'react-hook-form';
import { cn } from '../ui/cn';
import { useHydrated } from '../ui/form';

/**
 * The fields of a signed-out page's form, disabled until React runs (typed before hydration, a
 * value would sit in the DOM but not in the form, and a submit would go out natively). The
 * browser's autofocus is lost on a disabled field, so `focus` is focused once the page is
 * interactive, and again whenever it names another field (the next step of a sign-in).
 */
export function InteractiveFields<T extends FieldValues>({
  focus,
  className,
  children,
}: {
  focus?: FieldPath<T>;
  className?: string;
  children: ReactNode;
}) {
  const hydrated = useHydrated();
  const { setFocus } = useFormContext<T>();
  useEffect(() => {
    if (hydrated && focus) setFocus(focus);
  }, [hydrated, focus, setFocus]);
  return (
    <fieldset disabled={!hydrated} className={cn('min-w-0 space-y-5', className)}>
      {children}
    </fieldset>
  );
}
