'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { useTRPC } from '../../trpc/client';
import { formError, type SaveError, toSaveError } from '../../trpc/save-error';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { Form } from '../../ui/form';
import {
  addressInput,
  checkOrganization,
  OrganizationFields,
  organizationDraft,
  SHOWN_ORGANIZATION_FIELDS,
} from './organization-fields';

export function OrganizationCreateForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.admin.organizations.create.mutationOptions());
  const [draft, setDraft] = useState(organizationDraft);
  const [error, setError] = useState<SaveError>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const local = checkOrganization(draft);
    setError(local);
    if (local) return;
    const address = addressInput(draft);
    try {
      const organization = await create.mutateAsync({
        name: draft.name.trim(),
        taxId: draft.taxId.trim() || undefined,
        duns: draft.duns.trim() || undefined,
        address: Object.keys(address).length ? address : undefined,
      });
      router.push(`/admin/organizations/${organization._id}`);
    } catch (err) {
      setError(toSaveError(err));
    }
  }

  const top = formError(error, SHOWN_ORGANIZATION_FIELDS);
  return (
    <Card>
      <Form onSubmit={submit} aria-label="New organization" className="space-y-5">
        {top ? <Alert tone="error">{top}</Alert> : null}
        <OrganizationFields value={draft} onChange={setDraft} error={error} />
        <Button type="submit" pending={create.isPending}>
          Create organization
        </Button>
      </Form>
    </Card>
  );
}
