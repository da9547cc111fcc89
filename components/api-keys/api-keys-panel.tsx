'use client';

import { KeyRound, RotateCw, Trash2 } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Time } from '@/components/time';
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from '@/components/ui/alert-dialog';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import {
  createDataTableColumns,
  DataTable,
  type DataTableRowAction,
  useLocalRows,
} from '@/components/ui/data-table';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { toast, toastSaved } from '@/components/ui/toast';
import { CreateKeyDialog, type CreateKeyInput } from './create-key-dialog';
import { KeyReveal } from './key-reveal';
import {
  type ApiKeyRow,
  creatorName,
  describeKeyError,
  keyStatus,
  keyStatusWords,
  type RevealedKey,
} from './key-words';

/** What the panel can do: the tenant page passes apiKeys.*, the admin card admin.apiKeys.* and apiKeys.create. */
export type KeyActions = {
  create?: (input: CreateKeyInput) => Promise<RevealedKey>;
  revoke?: (key: ApiKeyRow) => Promise<unknown>;
  rotate?: (key: ApiKeyRow) => Promise<RevealedKey>;
};

const column = createDataTableColumns<ApiKeyRow>();
const columns = column.columns([
  column.accessor('name', { header: 'Name', enableSorting: true, meta: { primary: true } }),
  column.accessor('clientId', {
    header: 'Client id',
    cell: (info) => <code className="font-mono text-caption break-all">{info.getValue()}</code>,
  }),
  column.accessor('scopes', {
    header: 'Scopes',
    cell: (info) => (
      <span className="flex flex-wrap gap-1">
        {info.getValue().map((scope) => (
          <Badge key={scope} tone={scope === 'admin' ? 'red' : 'blue'}>
            {scope}
          </Badge>
        ))}
      </span>
    ),
  }),
  column.display({ id: 'createdBy', header: 'Created by', cell: (info) => creatorName(info.row.original) }),
  column.accessor('lastUsedAt', {
    header: 'Last used',
    enableSorting: true,
    cell: (info) => (info.getValue() ? <Time iso={info.getValue()} relative /> : 'Never'),
  }),
  column.accessor('expiresAt', {
    header: 'Expires',
    cell: (info) => (info.getValue() ? <Time iso={info.getValue()} /> : 'Never'),
    meta: { hideWhenStacked: true },
  }),
  column.display({
    id: 'status',
    header: 'Status',
    cell: (info) => {
      const [word, tone] = keyStatusWords[keyStatus(info.row.original, Date.now())];
      return (
        <Badge tone={tone} dot>
          {word}
        </Badge>
      );
    },
  }),
]);
const sortValues = {
  name: (k: ApiKeyRow) => k.name,
  lastUsedAt: (k: ApiKeyRow) => (k.lastUsedAt ? new Date(k.lastUsedAt).getTime() : 0),
};

type Confirm = { kind: 'revoke' | 'rotate'; key: ApiKeyRow } | null;

const confirmWords = {
  revoke: {
    title: (name: string) => `Revoke the key "${name}"?`,
    text: 'Every request with it is refused from now on. This cannot be undone.',
    action: 'Revoke',
  },
  rotate: {
    title: (name: string) => `Rotate the key "${name}"?`,
    text: 'A new client key is made and shown once; the current one stops working at once. The client id stays.',
    action: 'Rotate',
  },
};

/**
 * A profile's API keys: the list (name, client id, scopes, creator, last use, expiry, status),
 * and, for those who may, "Create key", revoke and rotate, each confirmed first. A created or
 * rotated key's secret is shown once, in a dialog.
 */
export function ApiKeysPanel({
  keys,
  loading,
  error,
  onRetry,
  actions,
  held,
  allowAdminScope = false,
  onChanged,
}: {
  keys: ApiKeyRow[] | undefined;
  loading?: boolean;
  error?: unknown;
  onRetry?: () => void;
  actions: KeyActions;
  held: (permission: string) => boolean;
  allowAdminScope?: boolean;
  onChanged: () => void;
}) {
  const [creating, setCreating] = useState(false);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [pending, setPending] = useState(false);
  const [rotated, setRotated] = useState<RevealedKey | null>(null);
  const rows = useMemo(() => keys ?? [], [keys]);
  const table = useLocalRows(rows, { sortValues, initialSort: null });

  async function runConfirm() {
    if (!confirm) return;
    setPending(true);
    try {
      if (confirm.kind === 'revoke') {
        await actions.revoke!(confirm.key);
        toastSaved('API key', confirm.key.name, 'revoked');
      } else setRotated(await actions.rotate!(confirm.key));
      setConfirm(null);
      onChanged();
    } catch (failure) {
      toast.error(describeKeyError(failure));
    } finally {
      setPending(false);
    }
  }

  function actionsOf(key: ApiKeyRow): DataTableRowAction[] {
    if (key.revokedAt) return [];
    const list: DataTableRowAction[] = [];
    if (actions.rotate)
      list.push({
        label: 'Rotate',
        icon: <RotateCw aria-hidden="true" />,
        onSelect: () => setConfirm({ kind: 'rotate', key }),
      });
    if (actions.revoke)
      list.push({
        label: 'Revoke',
        icon: <Trash2 aria-hidden="true" />,
        destructive: true,
        separatorBefore: list.length > 0,
        onSelect: () => setConfirm({ kind: 'revoke', key }),
      });
    return list;
  }

  const createButton = actions.create ? (
    <Button onClick={() => setCreating(true)}>
      <KeyRound aria-hidden="true" />
      Create key
    </Button>
  ) : null;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-body text-muted-foreground">
          Keys let partner systems call the API for this profile, with the scopes given to each.
        </p>
        {keys?.length ? createButton : null}
      </div>
      <DataTable
        {...table}
        rows={keys === undefined ? undefined : table.rows}
        total={keys === undefined ? undefined : table.total}
        loading={loading}
        error={error}
        onRetry={onRetry}
        caption="API keys"
        noun="keys"
        columns={columns}
        getRowId={(key) => key._id}
        getRowLabel={(key) => key.name}
        rowActions={actions.revoke || actions.rotate ? actionsOf : undefined}
        empty={{
          title: 'No API keys yet',
          description: actions.create ? 'Create a key for a partner system.' : undefined,
          action: createButton,
        }}
      />
      {actions.create ? (
        <CreateKeyDialog
          open={creating}
          onOpenChange={(open) => {
            setCreating(open);
            if (!open) onChanged();
          }}
          held={held}
          allowAdminScope={allowAdminScope}
          create={actions.create}
        />
      ) : null}
      <Dialog open={rotated !== null} onOpenChange={(open) => (open ? null : setRotated(null))}>
        <DialogContent className="sm:max-w-xl">
          <DialogHeader>
            <DialogTitle>Key &quot;{rotated?.name}&quot; rotated</DialogTitle>
            <DialogDescription>The previous client key no longer works.</DialogDescription>
          </DialogHeader>
          {rotated ? <KeyReveal revealed={rotated} /> : null}
          <div className="flex justify-end">
            <Button onClick={() => setRotated(null)}>Done</Button>
          </div>
        </DialogContent>
      </Dialog>
      <AlertDialog
        open={confirm !== null}
        onOpenChange={(open) => (open || pending ? null : setConfirm(null))}
      >
        <AlertDialogContent>
          {confirm ? (
            <>
              <AlertDialogHeader>
                <AlertDialogTitle>{confirmWords[confirm.kind].title(confirm.key.name)}</AlertDialogTitle>
                <AlertDialogDescription>{confirmWords[confirm.kind].text}</AlertDialogDescription>
              </AlertDialogHeader>
              <AlertDialogFooter>
                <AlertDialogCancel disabled={pending}>Keep</AlertDialogCancel>
                <Button
                  variant={confirm.kind === 'revoke' ? 'destructive' : 'primary'}
                  pending={pending}
                  onClick={() => void runConfirm()}
                >
                  {confirmWords[confirm.kind].action}
                </Button>
              </AlertDialogFooter>
            </>
          ) : null}
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}
