'use client';

import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import {
  ADMIN_SCOPE,
  type ApiKeyScope,
  apiKeyScopeNames,
  apiKeyScopes,
} from '@/server/modules/api-keys/catalog';
import { API_KEY_NAME_MAX, DEFAULT_API_KEY_NAME } from '@/server/modules/api-keys/schemas';
import { KeyReveal } from './key-reveal';
import { describeKeyError, type RevealedKey } from './key-words';

export type CreateKeyInput = { name?: string; scopes: ApiKeyScope[]; expiresAt?: string };

/** The scopes a person may tick: every non-admin one, and admin for a platform administrator. */
const offeredScopes = (allowAdmin: boolean) =>
  apiKeyScopeNames.filter((scope) => allowAdmin || scope !== ADMIN_SCOPE);

/** The end of the chosen day in the reader's zone: a key "expiring on May 4" works all of May 4. */
const endOfDay = (date: string) => new Date(`${date}T23:59:59.999`).toISOString();

/**
 * "Create key": a name, scopes with what each allows, an optional expiry date; then the one-time
 * reveal of the client id and key in the same dialog. Ticked at first: the scopes whose
 * permissions the person holds (the server limits the key to those anyway).
 */
export function CreateKeyDialog({
  open,
  onOpenChange,
  held,
  allowAdminScope = false,
  create,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** the permissions the person holds on the profile */
  held: (permission: string) => boolean;
  allowAdminScope?: boolean;
  create: (input: CreateKeyInput) => Promise<RevealedKey>;
}) {
  const initialScopes = () =>
    offeredScopes(false).filter((scope) => apiKeyScopes[scope].permissions.every((p) => held(p)));
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>(initialScopes);
  const [expiry, setExpiry] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [revealed, setRevealed] = useState<RevealedKey | null>(null);

  function reset(next: boolean) {
    if (pending) return;
    if (!next) {
      setName('');
      setScopes(initialScopes());
      setExpiry('');
      setError(null);
      setRevealed(null);
    }
    onOpenChange(next);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (scopes.length === 0) {
      setError('Choose at least one scope.');
      return;
    }
    setPending(true);
    setError(null);
    try {
      setRevealed(
        await create({
          name: name.trim() || undefined,
          scopes,
          expiresAt: expiry ? endOfDay(expiry) : undefined,
        }),
      );
    } catch (failure) {
      setError(describeKeyError(failure));
    } finally {
      setPending(false);
    }
  }

  const toggle = (scope: ApiKeyScope, on: boolean) =>
    setScopes((current) => (on ? [...current, scope] : current.filter((s) => s !== scope)));

  return (
    <Dialog open={open} onOpenChange={reset}>
      <DialogContent className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>{revealed ? `Key "${revealed.name}" created` : 'Create an API key'}</DialogTitle>
          <DialogDescription>
            {revealed
              ? 'A partner system acts for this profile with these credentials.'
              : 'A partner system uses a key to act for this profile, within the scopes you choose.'}
          </DialogDescription>
        </DialogHeader>
        {revealed ? (
          <div className="space-y-4">
            <KeyReveal revealed={revealed} />
            <div className="flex justify-end">
              <Button onClick={() => reset(false)}>Done</Button>
            </div>
          </div>
        ) : (
          <form className="space-y-5" onSubmit={submit} noValidate>
            <Input
              label="Name"
              value={name}
              maxLength={API_KEY_NAME_MAX}
              placeholder={DEFAULT_API_KEY_NAME}
              hint="Who uses it, e.g. the ERP integration"
              onChange={(e) => setName(e.target.value)}
            />
            <fieldset className="space-y-2">
              <legend className="text-body font-medium text-foreground">Scopes</legend>
              {offeredScopes(allowAdminScope).map((scope) => (
                <Checkbox
                  key={scope}
                  name="scopes"
                  value={scope}
                  checked={scopes.includes(scope)}
                  onChange={(e) => toggle(scope, e.target.checked)}
                  label={<span className="font-mono">{scope}</span>}
                  hint={apiKeyScopes[scope].description}
                />
              ))}
            </fieldset>
            <Input
              label="Expires on (optional)"
              type="date"
              value={expiry}
              onChange={(e) => setExpiry(e.target.value)}
              hint="Empty: the key works until it is revoked"
            />
            {error ? <Alert tone="error">{error}</Alert> : null}
            <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              <Button type="button" variant="ghost" onClick={() => reset(false)} disabled={pending}>
                Cancel
              </Button>
              <Button type="submit" pending={pending}>
                Create key
              </Button>
            </div>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
