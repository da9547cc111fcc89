'use client';

import { Check, Copy } from 'lucide-react';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { RevealedKey } from './key-words';

function CopyField({ label, value }: { label: string; value: string }) {
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
    <div className="space-y-1.5">
      <p className="text-body font-medium text-foreground">{label}</p>
      <div className="flex flex-wrap items-center gap-2">
        <output
          aria-label={label}
          className="min-w-0 flex-1 break-all rounded-md border border-border bg-muted px-3 py-2 font-mono text-body text-foreground select-all"
        >
          {value}
        </output>
        <Button variant="secondary" onClick={copy} aria-label={`Copy the ${label.toLowerCase()}`}>
          {copied ? (
            <Check aria-hidden="true" className="size-4" />
          ) : (
            <Copy aria-hidden="true" className="size-4" />
          )}
          {copied ? 'Copied' : 'Copy'}
        </Button>
      </div>
      <p role="status" className="text-caption text-muted-foreground">
        {copied === false ? 'The browser did not allow copying: select it and copy it by hand.' : null}
      </p>
    </div>
  );
}

/**
 * The client id and key of a key just made or rotated, shown this once: they live only in the
 * caller's state, and the server keeps only the key's hash.
 */
export function KeyReveal({ revealed }: { revealed: RevealedKey }) {
  return (
    <div className="space-y-4">
      <Alert tone="warning" title="The client key is shown only once">
        Copy it now and store it in the partner system&apos;s secret store. Provena keeps only a hash of it:
        nobody can show it again. If it is lost, rotate the key.
      </Alert>
      <CopyField label="Client id" value={revealed.clientId} />
      <CopyField label="Client key" value={revealed.clientKey} />
      <p className="text-caption text-muted-foreground">
        Send both with every request, as the <code>client-id</code> and <code>client-key</code> headers.
      </p>
    </div>
  );
}
