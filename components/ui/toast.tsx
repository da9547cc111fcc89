'use client';

import { CircleAlert, CircleCheck, Info, X } from 'lucide-react';
import { Toast as ToastPrimitive } from 'radix-ui';
import { type ReactNode, useSyncExternalStore } from 'react';
import { cn } from './cn';
import { useHydrated } from './form';

// Radix Toast rather than sonner: sonner injects its stylesheet at run time, which the pages'
// CSP (style-src with a nonce) refuses in production.

type Tone = 'success' | 'error' | 'info';

export type ToastOptions = {
  title: ReactNode;
  description?: ReactNode;
  tone?: Tone;
  /** a button in the toast (Undo, Retry); altText says how to do the same without it */
  action?: { label: string; altText: string; onClick: () => void };
  /** ms before it closes; errors stay twice as long */
  duration?: number;
};

type Entry = ToastOptions & { id: number; open: boolean };

let entries: Entry[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => {
  for (const listener of listeners) listener();
};

function show(options: ToastOptions): number {
  const id = nextId++;
  // three at most on screen: a fourth pushes the oldest out
  entries = [...entries.slice(-2), { ...options, id, open: true }];
  emit();
  return id;
}

function dismiss(id: number) {
  entries = entries.map((entry) => (entry.id === id ? { ...entry, open: false } : entry));
  emit();
  // leave time for the closing state before the entry goes
  setTimeout(() => {
    entries = entries.filter((entry) => entry.id !== id);
    emit();
  }, 300);
}

/** Shows a toast from anywhere (event handlers, mutation callbacks); needs one <Toaster /> mounted. */
export const toast = Object.assign(show, {
  success: (title: ReactNode, options: Omit<ToastOptions, 'title' | 'tone'> = {}) =>
    show({ ...options, title, tone: 'success' }),
  error: (title: ReactNode, options: Omit<ToastOptions, 'title' | 'tone'> = {}) =>
    show({ ...options, title, tone: 'error' }),
  info: (title: ReactNode, options: Omit<ToastOptions, 'title' | 'tone'> = {}) =>
    show({ ...options, title, tone: 'info' }),
  dismiss,
});

/**
 * The toast after a save names what happened to what: `toastSaved('Organization', 'Acme Gas')`
 * says "Organization saved" with "Acme Gas" under it; verb defaults to "saved".
 */
export function toastSaved(what: string, detail?: ReactNode, verb = 'saved') {
  return toast.success(`${what} ${verb}`, { description: detail });
}

const icons = { success: CircleCheck, error: CircleAlert, info: Info } as const;
const iconTone = { success: 'text-success-fg', error: 'text-danger-fg', info: 'text-info-fg' } as const;

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const getSnapshot = () => entries;
const none: Entry[] = [];
const getServerSnapshot = () => none;

/** Where toasts appear: bottom right on a desktop, bottom across on a phone. Mount it once. */
export function Toaster() {
  const list = useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
  // Mounted in the browser only: Radix's viewport region carries a style attribute
  // (pointer-events) that the production CSP refuses in the server's HTML; set from script it passes.
  const hydrated = useHydrated();
  if (!hydrated) return null;
  return (
    <ToastPrimitive.Provider swipeDirection="right" label="Notification">
      {list.map((entry) => {
        const tone = entry.tone ?? 'info';
        const Icon = icons[tone];
        return (
          <ToastPrimitive.Root
            key={entry.id}
            open={entry.open}
            onOpenChange={(open) => (open ? null : dismiss(entry.id))}
            duration={entry.duration ?? (tone === 'error' ? 10_000 : 5_000)}
            type={tone === 'error' ? 'foreground' : 'background'}
            className="pointer-events-auto flex w-full items-start gap-3 rounded-lg border border-border bg-popover p-4 text-foreground shadow-lg data-[state=closed]:opacity-0 data-[state=open]:animate-slide-in-up data-[swipe=end]:translate-x-(--radix-toast-swipe-end-x) data-[swipe=move]:translate-x-(--radix-toast-swipe-move-x) transition-opacity"
          >
            <Icon aria-hidden="true" className={cn('mt-0.5 size-4 shrink-0', iconTone[tone])} />
            <div className="min-w-0 flex-1 space-y-1">
              <ToastPrimitive.Title className="text-body font-medium">{entry.title}</ToastPrimitive.Title>
              {entry.description ? (
                <ToastPrimitive.Description className="text-body text-muted-foreground">
                  {entry.description}
                </ToastPrimitive.Description>
              ) : null}
              {entry.action ? (
                <ToastPrimitive.Action
                  altText={entry.action.altText}
                  onClick={entry.action.onClick}
                  className="focus-ring mt-1 text-body font-medium text-link underline-offset-4 hover:underline"
                >
                  {entry.action.label}
                </ToastPrimitive.Action>
              ) : null}
            </div>
            <ToastPrimitive.Close
              aria-label="Close"
              className="focus-ring -m-1 rounded-sm p-1 text-muted-foreground hover:text-foreground"
            >
              <X aria-hidden="true" className="size-4" />
            </ToastPrimitive.Close>
          </ToastPrimitive.Root>
        );
      })}
      <ToastPrimitive.Viewport className="pointer-events-none fixed right-0 bottom-0 z-[100] flex w-full flex-col gap-2 p-4 outline-none sm:max-w-sm" />
    </ToastPrimitive.Provider>
  );
}
