// Class strings shared by several components. They live in a module without 'use client', so
// server components can import them as strings (from a client module they would be references).

/** The floating surface of menus, popovers and select lists. */
export const floatingClass =
  'z-50 min-w-32 overflow-hidden rounded-md border border-border bg-popover p-1 text-foreground shadow-md data-[state=open]:animate-pop-in';

/** The dimmed backdrop behind dialogs and drawers. */
export const overlayClass = 'fixed inset-0 z-50 bg-overlay data-[state=open]:animate-fade-in';

/** A tab: Radix tabs and the page tabs (links) look the same. */
export const tabClass =
  'focus-ring relative -mb-px inline-flex h-10 shrink-0 items-center gap-2 rounded-t-sm border-b-2 border-transparent px-3 text-body font-medium whitespace-nowrap text-muted-foreground transition-colors hover:text-foreground disabled:pointer-events-none disabled:opacity-50 [&_svg]:size-4';
