'use client';

import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTRPC } from '../../trpc/client';
import { formError, type SaveError, toSaveError } from '../../trpc/save-error';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { Form } from '../../ui/form';
import { readOnlyFieldset, useCanWrite } from '../access';
import { ConfirmButton } from '../confirm-button';
import type { AdminOrganization } from '../types';
import {
  addressInput,
  checkOrganization,
  OrganizationFields,
  organizationDraft,
  SHOWN_ORGANIZATION_FIELDS,
} from './organization-fields';

/** Name, tax id, DUNS and address; an emptied field is sent as "" (or {}) and so cleared. */
export function OrganizationEditForm({
  organization,
  onSaved,
}: {
  organization: AdminOrganization;
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const canWrite = useCanWrite();
  const save = useMutation(trpc.admin.organizations.update.mutationOptions());
  const [draft, setDraft] = useState(() => organizationDraft(organization));
  const [error, setError] = useState<SaveError>(null);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const local = checkOrganization(draft);
    setError(local);
    if (local) return;
    try {
      await save.mutateAsync({
        _id: organization._id,
        name: draft.name.trim(),
        taxId: draft.taxId.trim(),
        duns: draft.duns.trim(),
        address: addressInput(draft),
      });
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(toSaveError(err));
    }
  }

  const top = formError(error, SHOWN_ORGANIZATION_FIELDS);
  return (
    <Card title="Details">
      <Form onSubmit={submit} aria-label="Organization details" className="space-y-5">
        <fieldset disabled={!canWrite} className={`space-y-5 ${readOnlyFieldset}`}>
          {top ? <Alert tone="error">{top}</Alert> : null}
          {saved ? <Alert tone="success">Saved.</Alert> : null}
          <OrganizationFields value={draft} onChange={setDraft} error={error} />
          {canWrite ? (
            <Button type="submit" pending={save.isPending}>
              Save organization
            </Button>
          ) : null}
        </fieldset>
      </Form>
    </Card>
  );
}

/** Archiving takes effect at once: members lose access to it and its profiles. */
export function OrganizationStatusCard({
  organization,
  onChanged,
}: {
  organization: AdminOrganization;
  onChanged: () => void;
}) {
  const trpc = useTRPC();
  const canWrite = useCanWrite();
  const update = useMutation(trpc.admin.organizations.update.mutationOptions({ onSuccess: onChanged }));
  const archived = organization.status === 'archive';
  if (!canWrite) return null;
  return (
    <Card
      title="Status"
      description={
        archived
          ? 'Archived: its members cannot open it or its profiles. Restoring gives their access back.'
          : 'Archiving removes every member’s access to the organization and its profiles at once.'
      }
    >
      {update.isError ? (
        <div className="mb-4">
          <Alert tone="error">{update.error.message}</Alert>
        </div>
      ) : null}
      {archived ? (
        <ConfirmButton
          label="Restore organization"
          variant="secondary"
          question={`Restore ${organization.name}?`}
          confirmLabel="Restore"
          pending={update.isPending}
          onConfirm={() => update.mutateAsync({ _id: organization._id, status: 'active' })}
        />
      ) : (
        <ConfirmButton
          label="Archive organization"
          question={`Archive ${organization.name}? Its members lose access at once.`}
          confirmLabel="Archive"
          pending={update.isPending}
          onConfirm={() => update.mutateAsync({ _id: organization._id, status: 'archive' })}
        />
      )}
    </Card>
  );
}
