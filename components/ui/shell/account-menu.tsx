'use client';

import { ChevronsUpDown, LogOut } from 'lucide-react';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { cn } from '../cn';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '../dropdown-menu';

export type AccountMenuItem = { label: string; href?: string; onSelect?: () => void; icon?: ReactNode };

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part.charAt(0).toUpperCase())
    .join('') || '?';

/** The account menu at the sidebar's bottom: who is signed in, their pages, and Sign out. */
export function AccountMenu({
  name,
  email,
  items = [],
  onSignOut,
  collapsed = false,
}: {
  name: string;
  email: string;
  items?: AccountMenuItem[];
  onSignOut: () => void;
  collapsed?: boolean;
}) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <button
          type="button"
          className={cn(
            'focus-ring flex w-full items-center gap-2 rounded-md px-1.5 py-1.5 text-left text-body hover:bg-muted',
            collapsed && 'size-10 justify-center p-0',
          )}
        >
          <span
            aria-hidden="true"
            className="grid size-7 shrink-0 place-items-center rounded-full bg-muted text-caption font-semibold text-foreground"
          >
            {initials(name)}
          </span>
          {/* The name is spoken from the words shown (axe: label-content-name-mismatch), after this
              prefix; collapsed, only the initials show and the hidden name is the whole name. */}
          <span className="sr-only">{collapsed ? `Account: ${name}` : 'Account: '}</span>
          {collapsed ? null : (
            <>
              <span className="min-w-0 flex-1">
                <span className="block truncate font-medium">{name}</span>
                <span className="block truncate text-caption text-muted-foreground">{email}</span>
              </span>
              <ChevronsUpDown aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
            </>
          )}
        </button>
      </DropdownMenuTrigger>
      <DropdownMenuContent side={collapsed ? 'right' : 'top'} align="start" className="w-60">
        <DropdownMenuLabel className="font-normal">
          <span className="block truncate font-medium text-foreground">{name}</span>
          <span className="block truncate">{email}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        {items.map((item) =>
          item.href ? (
            <DropdownMenuItem key={item.label} asChild>
              <Link href={item.href}>
                {item.icon}
                {item.label}
              </Link>
            </DropdownMenuItem>
          ) : (
            <DropdownMenuItem key={item.label} onSelect={item.onSelect}>
              {item.icon}
              {item.label}
            </DropdownMenuItem>
          ),
        )}
        {items.length ? <DropdownMenuSeparator /> : null}
        <DropdownMenuItem onSelect={onSignOut}>
          <LogOut aria-hidden="true" />
          Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
