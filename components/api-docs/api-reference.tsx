'use client';

import '@scalar/api-reference/style.css';
import './scalar-theme.css';
import { useEffect, useRef, useState } from 'react';
import { Skeleton } from '../ui/skeleton';

/**
 * The REST reference: Scalar, bundled with the app (no CDN), drawing the OpenAPI document the
 * server generates. No web fonts (the app's own), no telemetry, nothing but this origin is asked.
 * Scalar is a Vue app, mounted into this element once the page is hydrated.
 */
export function ApiReference({ documentUrl }: { documentUrl: string }) {
  const element = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let app: { destroy: () => void } | undefined;
    let cancelled = false;
    const dark = window.matchMedia('(prefers-color-scheme: dark)');
    void import('@scalar/api-reference').then(({ createApiReference }) => {
      if (cancelled || !element.current) return;
      app = createApiReference(element.current, {
        url: documentUrl,
        withDefaultFonts: false,
        telemetry: false,
        // Scalar's AI agent asks scalar.com (on localhost it is on by default): off
        agent: { disabled: true },
        // its toolbar (Developer Tools, Configure, Share, Deploy) is for Scalar's own hosting
        showDeveloperTools: 'never',
        theme: 'default',
        layout: 'modern',
        // the app follows the system's colour scheme; so does the reference, without its own toggle
        forceDarkModeState: dark.matches ? 'dark' : 'light',
        hideDarkModeToggle: true,
        defaultHttpClient: { targetKey: 'shell', clientKey: 'curl' },
        onLoaded: () => setReady(true),
      });
    });
    return () => {
      cancelled = true;
      app?.destroy();
    };
  }, [documentUrl]);

  return (
    <div className="provena-api-reference relative min-h-[60dvh]">
      {ready ? null : (
        <div className="absolute inset-x-0 top-0 space-y-3 p-4 sm:p-6" aria-hidden="true">
          <Skeleton className="h-8 w-1/3" />
          <Skeleton className="h-4 w-2/3" />
          <Skeleton className="h-4 w-1/2" />
          <Skeleton className="h-40 w-full" />
        </div>
      )}
      <div ref={element} />
    </div>
  );
}
