'use client';

import { useMutation } from '@tanstack/react-query';
import { organizationFormSchema } from '@/server/modules/organizations/schemas';
import { useSave } from '../../forms/use-save';
import { useTRPC } from '../../trpc/client';
import { Alert } from '../../ui/alert';
import { Card } from '../../ui/card';
import { toastSaved } from '../../ui/toast';
import { FormRootError, SubmitButton, useZodForm, ZodForm } from '../../ui/zod-form';
import { readOnlyFieldset, useCanWrite } from '../access';
import { ConfirmButton } from '../confirm-button';
import type { AdminOrganization } from '../types';
import { OrganizationFields, organizationFormValues } from './organization-form';

/** Name, tax id, DUNS and address; an emptied field is sent as "" (or the address as {}) and so cleared. */
export function OrganizationEditForm({
  organization,
  onSaved,
}: {
  organization: AdminOrganization;
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const canWrite = useCanWrite();
  const update = useMutation(trpc.admin.organizations.update.mutationOptions());
  const form = useZodForm(organizationFormSchema, { defaultValues: organizationFormValues(organization) });
  const { onSubmit, networkError } = useSave(
    form,
    async (values) => {
      const saved = await update.mutateAsync({ _id: organization._id, ...values });
      toastSaved('Organization', saved.name);
      onSaved();
    },
    { what: 'The organization' },
  );

  return (
    <Card title="Details">
      <ZodForm form={form} onSubmit={onSubmit} aria-label="Organization details">
        <fieldset disabled={!canWrite} className={`space-y-5 ${readOnlyFieldset}`}>
          <OrganizationFields mode="edit" canWrite={canWrite} />
          <FormRootError />
          {networkError}
          {canWrite ? <SubmitButton>Save organization</SubmitButton> : null}
        </fieldset>
      </ZodForm>
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
