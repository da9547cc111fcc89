'use client';

import { useState } from 'react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';

/** The ten recovery codes, shown once: the server keeps only their hashes. */
export function RecoveryCodes({
  codes,
  onDone,
  title = 'Two-factor sign-in is on',
}: {
  codes: string[];
  onDone: () => void;
  title?: string;
}) {
  const [copied, setCopied] = useState(false);
  const text = `Provena recovery codes (each works once)\n\n${codes.join('\n')}\n`;

  async function copy() {
    await navigator.clipboard?.writeText(text).catch(() => undefined);
    setCopied(true);
  }

  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const link = Object.assign(document.createElement('a'), {
      href: url,
      download: 'provena-recovery-codes.txt',
    });
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <div className="space-y-4">
      <Alert tone="success" title={title}>
        Save these recovery codes somewhere safe. Each one signs you in once if you lose your authenticator.
        They are shown only now; any earlier codes no longer work.
      </Alert>
      <ol
        aria-label="Recovery codes"
        className="grid grid-cols-2 gap-2 rounded-md border border-border bg-muted p-4 font-mono text-sm sm:grid-cols-5"
      >
        {codes.map((code) => (
          <li key={code} className="rounded bg-card px-2 py-1 text-center ring-1 ring-border">
            {code}
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-3">
        <Button variant="secondary" onClick={copy}>
          {copied ? 'Copied' : 'Copy'}
        </Button>
        <Button variant="secondary" onClick={download}>
          Download
        </Button>
        <Button onClick={onDone}>I have saved them</Button>
      </div>
    </div>
  );
}
