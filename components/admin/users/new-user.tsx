'use client';

import { Check, Copy } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import { Alert } from '../../ui/alert';
import { Button, buttonClass } from '../../ui/button';
import { Card } from '../../ui/card';
import { type CreatedWithPassword, UserCreateForm } from './user-create-form';

/**
 * The new-user page's body: the form, then (for a generated password) the password, shown this
 * once. It lives only in this component's state: leaving the page forgets it, and the server
 * keeps only its hash.
 */
export function NewUser() {
  const [created, setCreated] = useState<CreatedWithPassword | null>(null);
  return created ? <OneTimePassword created={created} /> : <UserCreateForm onPassword={setCreated} />;
}

function OneTimePassword({ created }: { created: CreatedWithPassword }) {
  const [copied, setCopied] = useState<boolean | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(created.password);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <Card title="User created" description={created.email}>
      <div className="space-y-4">
        <Alert tone="warning" title="This password is shown only once">
          Copy it now and give it to the user yourself, by a channel other than their email. Provena keeps
          only a hash of it: nobody can show it again. The user must change it at the first sign-in.
        </Alert>
        <div className="flex flex-wrap items-center gap-3">
          <output
            aria-label="One-time password"
            className="min-w-0 break-all rounded-md border border-border bg-muted px-3 py-2 font-mono text-lg tracking-wide text-foreground select-all"
          >
            {created.password}
          </output>
          <Button variant="secondary" onClick={copy} aria-label="Copy the one-time password">
            {copied ? (
              <Check aria-hidden="true" className="size-4" />
            ) : (
              <Copy aria-hidden="true" className="size-4" />
            )}
            {copied ? 'Copied' : 'Copy'}
          </Button>
        </div>
        <p role="status" className="text-caption text-muted-foreground">
          {copied === true ? 'Copied to the clipboard.' : null}
          {copied === false
            ? 'The browser did not allow copying: select the password and copy it by hand.'
            : null}
        </p>
        <div className="flex flex-wrap gap-3">
          <Link href={`/admin/users/${created.userId}`} className={buttonClass('primary')}>
            Open the user
          </Link>
          <Link href="/admin/users" className={buttonClass('ghost')}>
            Back to all users
          </Link>
        </div>
      </div>
    </Card>
  );
}
