import { type ClassValue, clsx } from 'clsx';
import { extendTailwindMerge } from 'tailwind-merge';

// The type scale of app/globals.css: without it, tailwind-merge reads `text-title` as a colour and
// drops it when a `text-foreground` follows.
const twMerge = extendTailwindMerge({
  extend: { theme: { text: ['caption', 'body', 'body-lg', 'heading', 'title', 'display'] } },
});

/**
 * Joins class names and lets a later Tailwind class win over an earlier one of the same property,
 * so a caller's className can override a component's default (`cn('px-3', 'px-5')` is `px-5`).
 */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
