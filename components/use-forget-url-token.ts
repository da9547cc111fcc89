'use client';

import { useEffect } from 'react';

/**
 * Takes the emailed token out of the address bar once the page holds it (in its props, in memory),
 * so it stays out of history, bookmarks, shared screens and copied links. A reload then needs the
 * email's link again.
 */
export function useForgetUrlToken() {
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has('token')) return;
    url.searchParams.delete('token');
    // Next's router follows the native history API: its state keeps the page as it is.
    window.history.replaceState(null, '', `${url.pathname}${url.search}${url.hash}`);
  }, []);
}
