'use client';

import { Building2, Check, ChevronsUpDown } from 'lucide-react';
import { useState } from 'react';
import { cn } from '../cn';
import { Command, CommandEmpty, CommandGroup, CommandInput, CommandItem, CommandList } from '../command';
import { Popover, PopoverContent, PopoverTrigger } from '../popover';
import { Hint } from '../tooltip';

export type SwitcherOrganization = { id: string; name: string; hint?: string };

/**
 * The organization switcher of the sidebar's top: the current organization, and a searchable
 * list of the others (the search box appears from eight organizations on).
 */
export function OrganizationSwitcher({
  organizations,
  activeId,
  onSelect,
  collapsed = false,
  label = 'Organization',
}: {
  organizations: SwitcherOrganization[];
  activeId: string | null;
  onSelect: (id: string) => void;
  collapsed?: boolean;
  label?: string;
}) {
  const [open, setOpen] = useState(false);
  const active = organizations.find((org) => org.id === activeId);
  const trigger = (
    <PopoverTrigger asChild>
      <button
        type="button"
        aria-label={collapsed ? `${label}: ${active?.name ?? 'none'}` : undefined}
        className={cn(
          'focus-ring flex w-full items-center gap-2 rounded-md border border-border bg-background px-2 py-1.5 text-left text-body hover:bg-muted',
          collapsed && 'size-10 justify-center p-0',
        )}
      >
        <span
          aria-hidden="true"
          className="grid size-6 shrink-0 place-items-center rounded bg-primary text-caption font-semibold text-primary-foreground"
        >
          {active ? (
            active.name.charAt(0).toUpperCase()
          ) : (
            <Building2 aria-hidden="true" className="size-3.5" />
          )}
        </span>
        {collapsed ? null : (
          <>
            <span className="min-w-0 flex-1">
              <span className="block text-caption text-muted-foreground">{label}</span>
              <span className="block truncate font-medium">{active?.name ?? 'Choose one'}</span>
            </span>
            <ChevronsUpDown aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
          </>
        )}
      </button>
    </PopoverTrigger>
  );
  return (
    <Popover open={open} onOpenChange={setOpen}>
      {collapsed ? (
        <Hint content={active?.name ?? label} side="right">
          {trigger}
        </Hint>
      ) : (
        trigger
      )}
      <PopoverContent className="w-64 p-0" side={collapsed ? 'right' : 'bottom'}>
        <Command>
          {organizations.length >= 8 ? <CommandInput placeholder="Find an organization…" /> : null}
          <CommandList>
            <CommandEmpty>No organization matches.</CommandEmpty>
            <CommandGroup heading="Organizations">
              {organizations.map((org) => (
                <CommandItem
                  key={org.id}
                  value={org.id}
                  keywords={[org.name, org.hint ?? '']}
                  onSelect={() => {
                    onSelect(org.id);
                    setOpen(false);
                  }}
                >
                  <span className="min-w-0 flex-1 truncate">{org.name}</span>
                  {org.hint ? <span className="text-caption text-muted-foreground">{org.hint}</span> : null}
                  <Check
                    aria-hidden="true"
                    className={cn('text-primary', org.id === activeId ? 'opacity-100' : 'opacity-0')}
                  />
                </CommandItem>
              ))}
            </CommandGroup>
          </CommandList>
        </Command>
      </PopoverContent>
    </Popover>
  );
}
