'use client';

import { Check, Copy } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../ui/button';

/** A long code (a hash) in monospace that wraps, with a Copy button beside it. */
export function CopyText({ label, value }: { label: string; value: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <div className="flex min-w-0 flex-wrap items-start gap-2">
      <code className="min-w-0 flex-1 font-mono text-caption break-all select-all">{value}</code>
      <Button variant="secondary" size="sm" onClick={copy} aria-label={`Copy the ${label}`}>
        {copied ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
        {copied ? 'Copied' : 'Copy'}
      </Button>
      {copied === false ? (
        <p role="status" className="w-full text-caption text-muted-foreground">
          The browser did not allow copying: select it and copy it by hand.
        </p>
      ) : null}
    </div>
  );
}
