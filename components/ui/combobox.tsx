'use client';

import { Check, ChevronsUpDown } from 'lucide-react';
import { type ReactNode, useState } from 'react';
import { cn } from './cn';
import { Command, CommandEmpty, CommandGroup, CommandInput, CommandItem, CommandList } from './command';
import { controlClass } from './input';
import { Popover, PopoverContent, PopoverTrigger } from './popover';

export type ComboboxOption = {
  value: string;
  /** what the person reads and types: a country's name, not its code */
  label: string;
  /** a second, quieter line (a code, a region) */
  hint?: ReactNode;
  /** more words that find this option (codes, former names) */
  keywords?: string[];
  disabled?: boolean;
  /** a heading the option is listed under ("Groups", "Single events"), in the order first seen */
  group?: string;
};

/** The options under their headings, each heading once, in the order the options came. */
function byGroup(options: readonly ComboboxOption[]): [string | undefined, ComboboxOption[]][] {
  const groups = new Map<string | undefined, ComboboxOption[]>();
  for (const option of options) {
    const list = groups.get(option.group);
    if (list) list.push(option);
    else groups.set(option.group, [option]);
  }
  return [...groups];
}

export type ComboboxProps = {
  options: readonly ComboboxOption[];
  value: string | null;
  onValueChange: (value: string | null) => void;
  placeholder?: string;
  searchPlaceholder?: string;
  /** shown when the search matches nothing */
  emptyText?: ReactNode;
  /** offers "Clear" as the first option when a value is chosen */
  clearable?: boolean;
  /**
   * The server searches instead of the list filtering itself (users, organizations): the typed
   * text goes to `onChange`, `options` are its answer, `pending` while it is asked.
   */
  search?: { value: string; onChange: (text: string) => void; pending?: boolean };
  /** the chosen option's label when `options` (a search's answer) no longer holds it */
  selectedLabel?: string;
  disabled?: boolean;
  id?: string;
  name?: string;
  className?: string;
  onBlur?: () => void;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  'aria-label'?: string;
  ref?: React.Ref<HTMLButtonElement>;
};

/**
 * A searchable choice from a catalog (countries, basins, organizations): the trigger shows the
 * chosen label; typing filters by label and keywords. For a handful of options, use a select.
 */
export function Combobox({
  options,
  value,
  onValueChange,
  placeholder = 'Choose…',
  searchPlaceholder = 'Search…',
  emptyText = 'Nothing matches.',
  clearable = false,
  search,
  selectedLabel,
  disabled,
  id,
  name,
  className,
  onBlur,
  ref,
  ...aria
}: ComboboxProps) {
  const [open, setOpen] = useState(false);
  const selected =
    options.find((option) => option.value === value) ??
    (value && selectedLabel ? { value, label: selectedLabel } : null);
  function choose(next: string | null) {
    onValueChange(next);
    setOpen(false);
  }
  return (
    <Popover
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) onBlur?.();
      }}
    >
      <PopoverTrigger asChild>
        <button
          ref={ref}
          id={id}
          name={name}
          type="button"
          role="combobox"
          aria-expanded={open}
          disabled={disabled}
          className={cn(
            controlClass,
            'flex h-9 items-center justify-between gap-2 py-1.5 text-left',
            className,
          )}
          {...aria}
        >
          <span className={cn('truncate', selected ? '' : 'text-subtle-foreground')}>
            {selected ? selected.label : placeholder}
          </span>
          <ChevronsUpDown aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
        </button>
      </PopoverTrigger>
      <PopoverContent className="w-(--radix-popover-trigger-width) min-w-60 p-0">
        <Command shouldFilter={!search}>
          <CommandInput
            placeholder={searchPlaceholder}
            {...(search ? { value: search.value, onValueChange: search.onChange } : {})}
          />
          <CommandList aria-busy={search?.pending || undefined}>
            <CommandEmpty>{search?.pending ? 'Searching…' : emptyText}</CommandEmpty>
            {clearable && selected ? (
              <CommandGroup>
                <CommandItem
                  value="__clear__"
                  onSelect={() => choose(null)}
                  className="text-muted-foreground"
                >
                  Clear the choice
                </CommandItem>
              </CommandGroup>
            ) : null}
            {byGroup(options).map(([heading, group]) => (
              <CommandGroup key={heading ?? ''} heading={heading}>
                {group.map((option) => (
                  <CommandItem
                    key={option.value}
                    value={option.value}
                    keywords={[option.label, ...(option.keywords ?? [])]}
                    disabled={option.disabled}
                    onSelect={() => choose(option.value)}
                  >
                    <Check
                      aria-hidden="true"
                      className={cn('text-primary', option.value === value ? 'opacity-100' : 'opacity-0')}
                    />
                    <span className="min-w-0 flex-1 truncate">{option.label}</span>
                    {option.hint ? (
                      <span className="shrink-0 text-caption text-muted-foreground">{option.hint}</span>
                    ) : null}
                  </CommandItem>
                ))}
              </CommandGroup>
            ))}
          </CommandList>
        </Command>
      </PopoverContent>
    </Popover>
  );
}
