'use client';

import type { MouseEvent } from 'react';

/** Where the skip link goes: the page's `#content`, or its `<main>` when a frame names none. */
function skipTarget(): HTMLElement | null {
  return document.getElementById('content') ?? document.querySelector('main');
}

/**
 * "Skip to content": the first thing Tab reaches on every page (the root layout renders it before
 * anything else), out of sight until it has focus. Enter moves focus to the page's main content,
 * past the sidebar or the logo; before hydration the plain #content link does the same.
 */
export function SkipLink() {
  function skip(event: MouseEvent<HTMLAnchorElement>) {
    const target = skipTarget();
    if (!target) return;
    event.preventDefault();
    // main is not a control: focusable from script only, so Tab goes on from there
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus();
    target.scrollIntoView({ block: 'start' });
  }
  return (
    // biome-ignore lint/a11y/useValidAnchor: a skip link is in-page navigation (#content); the handler only finds <main> where a frame does not name #content
    <a
      href="#content"
      onClick={skip}
      className="focus-ring fixed top-2 left-2 z-[100] -translate-y-24 rounded-md border border-border bg-card px-3 py-2 text-body font-medium text-foreground shadow-md focus:translate-y-0"
    >
      Skip to content
    </a>
  );
}
