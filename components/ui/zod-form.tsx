'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { type FormHTMLAttributes, type ReactNode, useEffect, useRef, useState } from 'react';
import {
  type FieldValues,
  FormProvider,
  type Path,
  type UseFormProps,
  type UseFormReturn,
  useForm,
  useFormContext,
  useFormState,
} from 'react-hook-form';
import type { z } from 'zod';
import { Alert } from './alert';
import { Button, type ButtonProps } from './button';
import { cn } from './cn';

/**
 * react-hook-form on a zod schema (the module's, the one the server checks with), so a rule is
 * written once. Errors show on submit; a field's error goes as soon as it changes (FormField
 * clears it) and comes back on blur if the value is still wrong.
 */
export function useZodForm<TSchema extends z.ZodType<FieldValues, FieldValues>>(
  schema: TSchema,
  options: Omit<UseFormProps<z.input<TSchema>, unknown, z.output<TSchema>>, 'resolver'> = {},
): UseFormReturn<z.input<TSchema>, unknown, z.output<TSchema>> {
  return useForm<z.input<TSchema>, unknown, z.output<TSchema>>({
    resolver: zodResolver(schema),
    mode: 'onSubmit',
    reValidateMode: 'onBlur',
    // ZodForm moves focus itself, in the order of the page rather than of registration
    shouldFocusError: false,
    ...options,
  });
}

export type ZodFormProps<TInput extends FieldValues, TOutput> = Omit<
  FormHTMLAttributes<HTMLFormElement>,
  'onSubmit' | 'onInvalid'
> & {
  form: UseFormReturn<TInput, unknown, TOutput>;
  onSubmit: (values: TOutput) => unknown | Promise<unknown>;
  children: ReactNode;
};

/**
 * The form element of a useZodForm: on an invalid submit it moves focus to the first field in
 * error and announces how many need attention; a root error (`setError('root', …)`, or
 * setServerErrors) shows above the buttons.
 */
export function ZodForm<TInput extends FieldValues, TOutput>({
  form,
  onSubmit,
  children,
  className,
  ...props
}: ZodFormProps<TInput, TOutput>) {
  const ref = useRef<HTMLFormElement>(null);
  const focusPending = useRef(false);
  const [announcement, setAnnouncement] = useState('');
  // re-render when a submit ends, so the effect below sees the errors drawn
  const { submitCount } = useFormState({ control: form.control });

  // After the render that drew the errors: the first aria-invalid control in page order.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per finished submit
  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    const invalid = ref.current?.querySelectorAll<HTMLElement>('[aria-invalid="true"]') ?? [];
    const first = invalid[0];
    // a group (radio group) is not focusable itself: its first control is
    const target = first?.matches('input, button, select, textarea, [tabindex]:not([tabindex="-1"])')
      ? first
      : first?.querySelector<HTMLElement>('input, button, select, textarea, [tabindex]:not([tabindex="-1"])');
    // centred, so a sticky header (the phone's top bar) cannot cover it
    target?.focus({ preventScroll: true });
    target?.scrollIntoView({ block: 'center' });
    announce(
      invalid.length === 1
        ? 'One field needs attention.'
        : `${invalid.length || 'Some'} fields need attention.`,
    );
  }, [submitCount]);

  function announce(text: string) {
    // cleared first, so the same words twice in a row are spoken twice
    setAnnouncement('');
    requestAnimationFrame(() => setAnnouncement(text));
  }

  const submit = form.handleSubmit(
    async (values) => {
      await onSubmit(values);
    },
    () => {
      focusPending.current = true;
    },
  );

  return (
    <FormProvider {...form}>
      <form
        ref={ref}
        noValidate
        method="post"
        className={cn('space-y-5', className)}
        onSubmit={submit}
        {...props}
      >
        {children}
        <p role="status" aria-live="polite" className="sr-only">
          {announcement}
        </p>
      </form>
    </FormProvider>
  );
}

/** The form-level error (a refusal not about one field), where the form puts it. */
export function FormRootError({ className }: { className?: string }) {
  const { formState } = useFormContext();
  const message = formState.errors.root?.message;
  return message ? (
    <Alert tone="error" className={className}>
      {message}
    </Alert>
  ) : null;
}

/** The submit button: busy while onSubmit runs, so a second click cannot send twice. */
export function SubmitButton({ children, ...props }: Omit<ButtonProps, 'type'>) {
  const { formState } = useFormContext();
  return (
    <Button type="submit" pending={formState.isSubmitting} {...props}>
      {children}
    </Button>
  );
}

/**
 * Puts a server's refusal onto the form: a message per field beside that field, the rest (and
 * `message`, when no field matched) at the top. `fields` is keyed by path ("name", "tags.0").
 */
export function setServerErrors<T extends FieldValues>(
  form: UseFormReturn<T, unknown, unknown>,
  fields: Record<string, string>,
  message?: string,
) {
  const known = new Set(Object.keys(form.getValues()));
  const rest: string[] = [];
  let first = true;
  for (const [path, text] of Object.entries(fields)) {
    if (known.has(path.split('.')[0] ?? '')) {
      form.setError(path as Path<T>, { type: 'server', message: text }, { shouldFocus: first });
      first = false;
    } else rest.push(text);
  }
  if (rest.length || (first && message))
    form.setError('root', { type: 'server', message: rest.join(' ') || message });
}
