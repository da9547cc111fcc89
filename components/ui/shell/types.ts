import type { ReactNode } from 'react';

export type NavItem = {
  label: string;
  href: string;
  /** a lucide icon element, shown alone when the sidebar is collapsed */
  icon?: ReactNode;
  /** a count or marker after the label */
  badge?: ReactNode;
  /** active only on this exact path (an overview), not on the paths under it */
  exact?: boolean;
};

/** Areas in one group ("Organization", "Staff"); only the areas the person may use are passed. */
export type NavGroup = { label?: string; items: NavItem[] };

/** A slot that may draw itself smaller when the sidebar is collapsed to icons. */
export type ShellSlot = ReactNode | ((state: { collapsed: boolean }) => ReactNode);

export const renderSlot = (slot: ShellSlot | undefined, collapsed: boolean) =>
  typeof slot === 'function' ? slot({ collapsed }) : slot;

export function isActive(item: NavItem, currentPath: string): boolean {
  if (item.exact || item.href === '/') return currentPath === item.href;
  return currentPath === item.href || currentPath.startsWith(`${item.href}/`);
}
