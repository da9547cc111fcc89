'use client';

import { Menu, PanelLeftClose, PanelLeftOpen } from 'lucide-react';
import { type ReactNode, useState } from 'react';
import { Button } from '../button';
import { cn } from '../cn';
import { Sheet, SheetContent, SheetDescription, SheetTitle } from '../sheet';
import { SidebarNav } from './sidebar-nav';
import { type NavGroup, renderSlot, type ShellSlot } from './types';

export type AppShellProps = {
  /** the areas this person may use, grouped; nothing else is shown */
  nav: NavGroup[];
  /** the current path, to mark the active area */
  currentPath: string;
  /** the logo (and the product's name, hidden when collapsed) */
  brand: ShellSlot;
  /** the organization switcher, at the top of the sidebar */
  switcher?: ShellSlot;
  /** the account menu, at the bottom */
  account?: ShellSlot;
  /** a line above the content on every page (the staff marker and the environment) */
  banner?: ReactNode;
  /** `warning` sets the banner's line apart (a preproduction copy must not pass for the live platform) */
  bannerTone?: 'default' | 'warning';
  /** start collapsed to icons (desktop); the person can change it */
  defaultCollapsed?: boolean;
  children: ReactNode;
};

/**
 * The console's frame: a sidebar on a desktop (collapsible to icons), a top bar with a menu
 * button opening the same sidebar as a drawer on a phone, and the page (`main#content`, where the
 * root layout's skip link goes).
 */
export function AppShell({
  nav,
  currentPath,
  brand,
  switcher,
  account,
  banner,
  bannerTone = 'default',
  defaultCollapsed = false,
  children,
}: AppShellProps) {
  const [collapsed, setCollapsed] = useState(defaultCollapsed);
  const [drawerOpen, setDrawerOpen] = useState(false);
  return (
    <div className="flex min-h-dvh bg-background text-foreground">
      <aside
        aria-label="Sidebar"
        className={cn(
          'sticky top-0 hidden h-dvh shrink-0 flex-col border-r border-border bg-card transition-[width] duration-200 md:flex',
          collapsed ? 'w-14' : 'w-60',
        )}
      >
        <div className={cn('flex h-14 items-center gap-2 px-3', collapsed && 'justify-center px-2')}>
          <div className={cn('min-w-0 flex-1', collapsed && 'flex-none')}>{renderSlot(brand, collapsed)}</div>
          {collapsed ? null : (
            <Button
              variant="ghost"
              size="icon-sm"
              aria-label="Collapse sidebar"
              aria-expanded
              onClick={() => setCollapsed(true)}
            >
              <PanelLeftClose aria-hidden="true" />
            </Button>
          )}
        </div>
        {switcher ? (
          <div className={cn('px-3 pb-3', collapsed && 'px-2')}>{renderSlot(switcher, collapsed)}</div>
        ) : null}
        <div className={cn('min-h-0 flex-1 overflow-y-auto px-3 py-2', collapsed && 'px-2')}>
          <SidebarNav groups={nav} currentPath={currentPath} collapsed={collapsed} />
        </div>
        {collapsed ? (
          <div className="flex justify-center px-2 py-2">
            <Button
              variant="ghost"
              size="icon-sm"
              aria-label="Expand sidebar"
              aria-expanded={false}
              onClick={() => setCollapsed(false)}
            >
              <PanelLeftOpen aria-hidden="true" />
            </Button>
          </div>
        ) : null}
        {account ? (
          <div className={cn('border-t border-border p-3', collapsed && 'p-2')}>
            {renderSlot(account, collapsed)}
          </div>
        ) : null}
      </aside>

      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-40 flex h-14 items-center gap-2 border-b border-border bg-card/95 px-3 backdrop-blur md:hidden">
          <Sheet open={drawerOpen} onOpenChange={setDrawerOpen}>
            <Button variant="ghost" size="icon" aria-label="Open menu" onClick={() => setDrawerOpen(true)}>
              <Menu aria-hidden="true" />
            </Button>
            <SheetContent side="left" className="gap-0 p-0">
              <SheetTitle className="sr-only">Menu</SheetTitle>
              <SheetDescription className="sr-only">The areas of Provena you may use.</SheetDescription>
              <div className="flex h-14 items-center px-4">{renderSlot(brand, false)}</div>
              {switcher ? <div className="px-4 pb-3">{renderSlot(switcher, false)}</div> : null}
              <div className="min-h-0 flex-1 overflow-y-auto px-4 py-2">
                <SidebarNav groups={nav} currentPath={currentPath} onNavigate={() => setDrawerOpen(false)} />
              </div>
              {account ? (
                <div className="border-t border-border p-4">{renderSlot(account, false)}</div>
              ) : null}
            </SheetContent>
          </Sheet>
          <div className="min-w-0 flex-1">{renderSlot(brand, false)}</div>
        </header>
        {banner ? (
          <div
            className={cn(
              'border-b px-4 py-1.5 sm:px-6',
              bannerTone === 'warning' ? 'border-warning-border bg-warning-bg' : 'border-border bg-card',
            )}
          >
            {banner}
          </div>
        ) : null}
        <main id="content" tabIndex={-1} className="min-w-0 flex-1 outline-none">
          {children}
        </main>
      </div>
    </div>
  );
}
