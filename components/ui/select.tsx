import { getNonce } from 'get-nonce';
import { Check, ChevronDown } from 'lucide-react';
import { Select as SelectPrimitive } from 'radix-ui';
import { type ComponentProps, type ReactNode, type SelectHTMLAttributes, useId } from 'react';
import { cn } from './cn';
import { FieldError, FieldHint } from './field-error';
import { controlClass } from './input';
import { floatingClass } from './styles';

/** A bare native select with the system's look (a chevron drawn over the native arrow). */
export function NativeSelect({
  className,
  wrapperClassName,
  children,
  ref,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & {
  ref?: React.Ref<HTMLSelectElement>;
  wrapperClassName?: string;
}) {
  return (
    <div className={cn('relative', wrapperClassName)}>
      <select ref={ref} className={cn(controlClass, 'h-9 appearance-none py-1.5 pr-9', className)} {...props}>
        {children}
      </select>
      <ChevronDown
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-muted-foreground"
      />
    </div>
  );
}

/** A labelled native select; like Input, its error sits under it and is tied to it with aria-describedby. */
export function Select({
  label,
  error,
  hint,
  id,
  className,
  children,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { label: string; error?: string; hint?: ReactNode }) {
  const generated = useId();
  const selectId = id ?? generated;
  const describedBy = error ? `${selectId}-error` : hint ? `${selectId}-hint` : undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={selectId} className="block text-body font-medium text-foreground">
        {label}
      </label>
      <NativeSelect
        id={selectId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={className}
        {...props}
      >
        {children}
      </NativeSelect>
      {hint && !error ? <FieldHint id={`${selectId}-hint`}>{hint}</FieldHint> : null}
      {error ? <FieldError id={`${selectId}-error`}>{error}</FieldError> : null}
    </div>
  );
}

// The Radix select: a styled list (human labels, a hint line per option) instead of the
// browser's. Use it for short catalogs; a long or searchable one is a Combobox.

export const SelectRoot = SelectPrimitive.Root;
export const SelectGroup = SelectPrimitive.Group;
export const SelectValue = SelectPrimitive.Value;

export function SelectTrigger({
  className,
  children,
  ...props
}: ComponentProps<typeof SelectPrimitive.Trigger>) {
  return (
    <SelectPrimitive.Trigger
      className={cn(
        controlClass,
        'flex h-9 items-center justify-between gap-2 py-1.5 text-left data-placeholder:text-subtle-foreground [&>span]:truncate',
        className,
      )}
      {...props}
    >
      {children}
      <SelectPrimitive.Icon asChild>
        <ChevronDown aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
      </SelectPrimitive.Icon>
    </SelectPrimitive.Trigger>
  );
}

export function SelectContent({
  className,
  children,
  position = 'popper',
  ...props
}: ComponentProps<typeof SelectPrimitive.Content>) {
  return (
    <SelectPrimitive.Portal>
      <SelectPrimitive.Content
        position={position}
        sideOffset={4}
        className={cn(
          floatingClass,
          'max-h-(--radix-select-content-available-height) min-w-(--radix-select-trigger-width)',
          className,
        )}
        {...props}
      >
        {/* the viewport writes a <style> of its own: this response's nonce (set in Providers) lets the CSP take it */}
        <SelectPrimitive.Viewport nonce={getNonce()}>{children}</SelectPrimitive.Viewport>
      </SelectPrimitive.Content>
    </SelectPrimitive.Portal>
  );
}

export function SelectItem({ className, children, ...props }: ComponentProps<typeof SelectPrimitive.Item>) {
  return (
    <SelectPrimitive.Item
      className={cn(
        'relative flex w-full cursor-default items-center rounded-sm py-1.5 pr-8 pl-2 text-body select-none focus-ring-inset data-disabled:pointer-events-none data-disabled:opacity-50 data-highlighted:bg-muted',
        className,
      )}
      {...props}
    >
      <SelectPrimitive.ItemText>{children}</SelectPrimitive.ItemText>
      <span className="absolute right-2 flex size-4 items-center justify-center">
        <SelectPrimitive.ItemIndicator>
          <Check aria-hidden="true" className="size-4 text-primary" />
        </SelectPrimitive.ItemIndicator>
      </span>
    </SelectPrimitive.Item>
  );
}

export function SelectLabel({ className, ...props }: ComponentProps<typeof SelectPrimitive.Label>) {
  return (
    <SelectPrimitive.Label
      className={cn('px-2 py-1.5 text-caption font-medium text-muted-foreground', className)}
      {...props}
    />
  );
}

export function SelectSeparator({ className, ...props }: ComponentProps<typeof SelectPrimitive.Separator>) {
  return <SelectPrimitive.Separator className={cn('-mx-1 my-1 h-px bg-border', className)} {...props} />;
}

export type SelectOption = { value: string; label: string; disabled?: boolean };

/** A Radix select from a list of options, for the common case of one choice among a few. */
export function SelectMenu({
  options,
  placeholder = 'Choose…',
  className,
  ...props
}: Omit<ComponentProps<typeof SelectPrimitive.Root>, 'children'> & {
  options: readonly SelectOption[];
  placeholder?: string;
  className?: string;
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  'aria-label'?: string;
}) {
  const {
    id,
    'aria-invalid': invalid,
    'aria-describedby': describedBy,
    'aria-label': ariaLabel,
    ...root
  } = props;
  return (
    <SelectRoot {...root}>
      <SelectTrigger
        id={id}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        aria-label={ariaLabel}
        className={className}
      >
        {/* the label is given, not looked up: Radix finds it only once the items mount, so the
            server's HTML would show an empty trigger */}
        <SelectValue placeholder={placeholder}>
          {options.find((option) => option.value === (root.value ?? root.defaultValue))?.label}
        </SelectValue>
      </SelectTrigger>
      <SelectContent>
        {options.map((option) => (
          <SelectItem key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </SelectItem>
        ))}
      </SelectContent>
    </SelectRoot>
  );
}
