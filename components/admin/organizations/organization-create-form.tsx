'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { organizationFormSchema } from '@/server/modules/organizations/schemas';
import { useSave } from '../../forms/use-save';
import { useTRPC } from '../../trpc/client';
import { Card } from '../../ui/card';
import { toastSaved } from '../../ui/toast';
import { FormRootError, SubmitButton, useZodForm, ZodForm } from '../../ui/zod-form';
import { OrganizationFields, organizationFormValues } from './organization-form';

export function OrganizationCreateForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.admin.organizations.create.mutationOptions());
  const form = useZodForm(organizationFormSchema, { defaultValues: organizationFormValues() });
  const { onSubmit, networkError } = useSave(
    form,
    async (values) => {
      const organization = await create.mutateAsync(values);
      toastSaved('Organization', organization.name, 'created');
      router.push(`/admin/organizations/${organization._id}`);
    },
    { what: 'The organization' },
  );

  return (
    <Card>
      <ZodForm form={form} onSubmit={onSubmit} aria-label="New organization">
        <OrganizationFields mode="create" />
        <FormRootError />
        {networkError}
        <SubmitButton>Create organization</SubmitButton>
      </ZodForm>
    </Card>
  );
}
