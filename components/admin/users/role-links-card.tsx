'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import type { z } from 'zod';
import { adminAddRoleLinkFormSchema } from '@/server/modules/admin/users/schemas';
import { useSave } from '../../forms/use-save';
import { Time } from '../../time';
import { useTRPC } from '../../trpc/client';
import { readError } from '../../trpc/errors';
import { ConfirmDialog } from '../../ui/alert-dialog';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { toast, toastSaved } from '../../ui/toast';
import { FormRootError, SubmitButton, useZodForm, ZodForm } from '../../ui/zod-form';
import { useCanWrite } from '../access';
import { roleLabel, scopeNames, useRoleCatalog } from '../roles';
import type { AdminUser, RoleLink, RoleLinkInput } from '../types';
import { emptyRoleLink, RoleLinkFields } from './role-link-fields';

const entityHref = (link: RoleLink) =>
  link.entityType === 'organization'
    ? `/admin/organizations/${link.entityId}`
    : link.entityType === 'organization_profile'
      ? `/admin/profiles/${link.entityId}`
      : null;

/** Every role the user holds, where, and since when; admins add and remove them here. */
export function RoleLinksCard({ user, onChanged }: { user: AdminUser; onChanged: () => void }) {
  const trpc = useTRPC();
  const canWrite = useCanWrite();
  const catalog = useRoleCatalog();
  const remove = useMutation(trpc.admin.users.removeRoleLinks.mutationOptions());

  async function removeLink(link: RoleLink, role: string) {
    try {
      await remove.mutateAsync({
        userId: user._id,
        roleLinks: [
          {
            roleCode: link.roleCode as RoleLinkInput['roleCode'],
            entityType: link.entityType,
            entityId: link.entityId ?? undefined,
          },
        ],
      });
      toastSaved('Role', role, 'removed');
      onChanged();
    } catch (error) {
      toast.error('The role was not removed', { description: readError(error).message });
      throw error;
    }
  }

  return (
    <Card title="Roles" description="Roles at platform level, or at one organization or profile.">
      {user.roleLinks.length === 0 ? (
        <p className="text-body text-muted-foreground">No roles yet.</p>
      ) : (
        <ul aria-label={`Roles of ${user.email}`} className="divide-y divide-border">
          {user.roleLinks.map((link) => {
            const href = entityHref(link);
            const role = roleLabel(catalog.data, link.roleCode);
            const where = link.entityName ?? link.entityId ?? 'the platform';
            return (
              <li key={link._id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 py-3">
                <div className="min-w-0 space-y-0.5">
                  <p className="text-body font-medium text-foreground">{role}</p>
                  <p className="text-caption text-muted-foreground">
                    {scopeNames[link.entityType]}
                    {href ? (
                      <>
                        {' · '}
                        <Link href={href} className="break-words text-link hover:underline">
                          {where}
                        </Link>
                      </>
                    ) : null}
                    {' · granted '}
                    <Time iso={link.createdAt} relative />
                    <span className="block font-mono text-muted-foreground/80">{link.roleCode}</span>
                  </p>
                </div>
                {canWrite ? (
                  <ConfirmDialog
                    trigger={
                      <Button variant="ghost" size="sm" aria-label={`Remove ${role} on ${where}`}>
                        Remove
                      </Button>
                    }
                    title={`Remove ${role}?`}
                    description={
                      href
                        ? `${user.email} loses this role on ${where}. Other roles stay as they are.`
                        : `${user.email} loses this platform role.`
                    }
                    confirmLabel="Remove role"
                    destructive
                    onConfirm={() => removeLink(link, role)}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {canWrite ? <AddRoleLinkForm userId={user._id} onAdded={onChanged} /> : null}
    </Card>
  );
}

type AddValues = z.input<typeof adminAddRoleLinkFormSchema>;

function AddRoleLinkForm({ userId, onAdded }: { userId: string; onAdded: () => void }) {
  const trpc = useTRPC();
  const catalog = useRoleCatalog();
  const add = useMutation(trpc.admin.users.addRoleLinks.mutationOptions());
  const form = useZodForm(adminAddRoleLinkFormSchema, {
    defaultValues: { roleLinks: [{ ...emptyRoleLink }] },
  });
  const { onSubmit, networkError } = useSave(
    form,
    async (values: z.output<typeof adminAddRoleLinkFormSchema>) => {
      await add.mutateAsync({ userId, roleLinks: values.roleLinks });
      toastSaved('Role', roleLabel(catalog.data, values.roleLinks[0].roleCode), 'added');
      form.reset({ roleLinks: [{ ...emptyRoleLink }] });
      onAdded();
    },
    { what: 'The role' },
  );

  return (
    <ZodForm
      form={form}
      onSubmit={onSubmit}
      aria-label="Add a role"
      className="mt-6 border-t border-border pt-5"
    >
      <h3 className="text-body font-semibold text-foreground">Add a role</h3>
      <RoleLinkFields<AddValues> prefix="roleLinks.0" />
      <FormRootError />
      {networkError}
      <SubmitButton>Add role</SubmitButton>
    </ZodForm>
  );
}
