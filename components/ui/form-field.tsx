'use client';

import { type ReactNode, useId } from 'react';
import { type FieldPath, type FieldValues, useController, useFormContext } from 'react-hook-form';
import { cn } from './cn';
import { FieldError, FieldHint } from './field-error';
import { InputControl, type InputControlProps } from './input';
import { Textarea } from './textarea';

/**
 * A field's error as sentences: a schema fragment ("is required", "must be at most 200
 * characters") gets its field's name in front, one sentence per line when it broke several
 * rules; a message that is already a sentence (capitalised) is shown as it is.
 */
export function fieldMessage(message: string | undefined, subject: ReactNode): string | undefined {
  if (!message) return undefined;
  const name = typeof subject === 'string' ? subject : 'This field';
  return message
    .split('\n')
    .map((line) => (/^[a-z]/.test(line) ? `${name} ${line.replace(/[.]$/, '')}.` : line))
    .join('\n');
}

/** What a FormField hands to its control: spread it onto the input. */
export type FieldControlProps = {
  id: string;
  /** the label's id, for a group control (radio group) that a <label for> cannot name */
  labelId: string;
  name: string;
  value: unknown;
  onChange: (valueOrEvent: unknown) => void;
  onBlur: () => void;
  ref: (element: HTMLElement | null) => void;
  disabled?: boolean;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
};

export type BaseFieldProps<T extends FieldValues> = {
  name: FieldPath<T>;
  label: ReactNode;
  /** one line under the label that says what the field is for or what is accepted */
  description?: ReactNode;
  /** the schema's limit, shown as a counter ("12 / 200") that turns red past it */
  maxLength?: number;
  /** marks the label "(optional)"; required is the default in our forms */
  optional?: boolean;
  /**
   * What the field is called in a sentence, when its label is not plain text or reads wrong
   * there: the module schema's messages are fragments ("is required"), shown as "Name is required."
   */
  subject?: string;
  disabled?: boolean;
  className?: string;
};

export type FormFieldProps<T extends FieldValues> = BaseFieldProps<T> & {
  children: (control: FieldControlProps) => ReactNode;
};

/**
 * A labelled field of the surrounding ZodForm: label, description, the control, a counter when
 * there is a limit, and the error under it, tied with aria-describedby and aria-invalid. The
 * error goes as soon as the value changes.
 */
export function FormField<T extends FieldValues = FieldValues>({
  name,
  label,
  description,
  maxLength,
  optional,
  subject,
  disabled,
  className,
  children,
}: FormFieldProps<T>) {
  const { control, clearErrors } = useFormContext<T>();
  const { field, fieldState } = useController<T>({ name, control, disabled });
  const id = useId();
  const error = fieldMessage(fieldState.error?.message, subject ?? label);
  const length = typeof field.value === 'string' ? field.value.length : 0;
  const over = maxLength !== undefined && length > maxLength;
  const describedBy =
    [error ? `${id}-error` : null, description ? `${id}-description` : null, maxLength ? `${id}-count` : null]
      .filter(Boolean)
      .join(' ') || undefined;
  return (
    <div className={cn('space-y-1.5', className)}>
      <label id={`${id}-label`} htmlFor={id} className="block text-body font-medium text-foreground">
        {label}
        {optional ? <span className="font-normal text-muted-foreground"> (optional)</span> : null}
      </label>
      {description ? <FieldHint id={`${id}-description`}>{description}</FieldHint> : null}
      {children({
        id,
        labelId: `${id}-label`,
        name: field.name,
        value: field.value,
        onChange: (valueOrEvent) => {
          if (fieldState.error) clearErrors(name);
          field.onChange(valueOrEvent);
        },
        onBlur: field.onBlur,
        ref: field.ref,
        disabled: field.disabled,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
      })}
      <div className="flex items-start justify-between gap-3">
        {error ? <FieldError id={`${id}-error`}>{error}</FieldError> : <span />}
        {maxLength !== undefined ? (
          <span
            id={`${id}-count`}
            className={cn(
              'shrink-0 text-caption tabular-nums',
              over ? 'font-medium text-danger-fg' : 'text-muted-foreground',
            )}
          >
            <span className="sr-only">Characters used: </span>
            {length} / {maxLength}
          </span>
        ) : null}
      </div>
    </div>
  );
}

type TextFieldProps<T extends FieldValues> = BaseFieldProps<T> &
  Pick<InputControlProps, 'type' | 'placeholder' | 'autoComplete' | 'inputMode' | 'autoFocus' | 'spellCheck'>;

export function TextField<T extends FieldValues = FieldValues>({
  type,
  placeholder,
  autoComplete,
  inputMode,
  autoFocus,
  spellCheck,
  ...field
}: TextFieldProps<T>) {
  return (
    <FormField {...field}>
      {({ value, labelId, ...control }) => (
        <InputControl
          {...control}
          value={typeof value === 'string' || typeof value === 'number' ? value : ''}
          type={type}
          placeholder={placeholder}
          autoComplete={autoComplete}
          inputMode={inputMode}
          autoFocus={autoFocus}
          spellCheck={spellCheck}
        />
      )}
    </FormField>
  );
}

export function TextareaField<T extends FieldValues = FieldValues>({
  placeholder,
  rows,
  ...field
}: BaseFieldProps<T> & { placeholder?: string; rows?: number }) {
  return (
    <FormField {...field}>
      {({ value, labelId, ...control }) => (
        <Textarea
          {...control}
          value={typeof value === 'string' ? value : ''}
          placeholder={placeholder}
          rows={rows}
        />
      )}
    </FormField>
  );
}

export { CheckboxField, ComboboxField, RadioGroupField, SelectField } from './form-choice-fields';
