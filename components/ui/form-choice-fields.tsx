'use client';

import { type ReactNode, useId } from 'react';
import { type FieldValues, useController, useFormContext } from 'react-hook-form';
import { CheckboxControl } from './checkbox';
import { cn } from './cn';
import { Combobox, type ComboboxOption } from './combobox';
import { FieldError, FieldHint } from './field-error';
import { type BaseFieldProps, FormField, fieldMessage } from './form-field';
import { RadioGroup, RadioOption } from './radio-group';
import { SelectMenu, type SelectOption } from './select';

/* The choice fields of react-hook-form forms: a select, a combobox, radios and a checkbox (text fields are in form-field.tsx). */

/** A choice among a few options with human labels (a Radix select). */
export function SelectField<T extends FieldValues = FieldValues>({
  options,
  placeholder,
  ...field
}: BaseFieldProps<T> & { options: readonly SelectOption[]; placeholder?: string }) {
  return (
    <FormField {...field}>
      {({ value, onChange, onBlur, ref, name, labelId, ...control }) => (
        <SelectMenu
          {...control}
          name={name}
          options={options}
          placeholder={placeholder}
          value={typeof value === 'string' ? value : ''}
          onValueChange={onChange}
          onOpenChange={(open) => (open ? null : onBlur())}
        />
      )}
    </FormField>
  );
}

/** A searchable choice from a catalog (countries by name, basins). */
export function ComboboxField<T extends FieldValues = FieldValues>({
  options,
  placeholder,
  searchPlaceholder,
  emptyText,
  ...field
}: BaseFieldProps<T> & {
  options: readonly ComboboxOption[];
  placeholder?: string;
  searchPlaceholder?: string;
  emptyText?: ReactNode;
}) {
  return (
    <FormField {...field}>
      {({ value, onChange, labelId, ...control }) => (
        <Combobox
          {...control}
          options={options}
          placeholder={placeholder}
          searchPlaceholder={searchPlaceholder}
          emptyText={emptyText}
          clearable={field.optional}
          value={typeof value === 'string' ? value : null}
          // cleared is '' like an emptied text field, so one schema reads both
          onValueChange={(next) => onChange(next ?? '')}
        />
      )}
    </FormField>
  );
}

/** One choice among a few, all visible (radio buttons); each option may carry a hint line. */
export function RadioGroupField<T extends FieldValues = FieldValues>({
  options,
  ...field
}: BaseFieldProps<T> & { options: readonly (SelectOption & { hint?: ReactNode })[] }) {
  return (
    <FormField {...field}>
      {({ value, onChange, onBlur, ref, labelId, ...control }) => (
        <RadioGroup
          {...control}
          ref={ref}
          aria-labelledby={labelId}
          value={typeof value === 'string' ? value : ''}
          onValueChange={onChange}
          onBlur={onBlur}
        >
          {options.map((option) => (
            <RadioOption
              key={option.value}
              value={option.value}
              label={option.label}
              hint={option.hint}
              disabled={option.disabled}
            />
          ))}
        </RadioGroup>
      )}
    </FormField>
  );
}

/** A yes/no in a form: the checkbox with its label beside it, its error under both. */
export function CheckboxField<T extends FieldValues = FieldValues>({
  name,
  label,
  description,
  subject,
  disabled,
  className,
}: Omit<BaseFieldProps<T>, 'maxLength' | 'optional'>) {
  const { control, clearErrors } = useFormContext<T>();
  const { field, fieldState } = useController<T>({ name, control, disabled });
  const id = useId();
  const error = fieldMessage(fieldState.error?.message, subject ?? label);
  return (
    <div className={cn('space-y-1.5', className)}>
      <div className="flex items-start gap-2">
        <CheckboxControl
          id={id}
          ref={field.ref}
          name={field.name}
          checked={field.value === true}
          disabled={field.disabled}
          onCheckedChange={(checked) => {
            if (fieldState.error) clearErrors(name);
            field.onChange(checked === true);
          }}
          onBlur={field.onBlur}
          aria-invalid={error ? true : undefined}
          aria-describedby={
            [error ? `${id}-error` : null, description ? `${id}-description` : null]
              .filter(Boolean)
              .join(' ') || undefined
          }
          className="mt-0.5"
        />
        <div className="space-y-0.5">
          <label htmlFor={id} className="text-body font-medium">
            {label}
          </label>
          {description ? <FieldHint id={`${id}-description`}>{description}</FieldHint> : null}
        </div>
      </div>
      {error ? <FieldError id={`${id}-error`}>{error}</FieldError> : null}
    </div>
  );
}
