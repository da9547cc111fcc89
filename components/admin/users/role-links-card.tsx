'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { Time } from '../../time';
import { useTRPC } from '../../trpc/client';
import { readError } from '../../trpc/errors';
import { formError, toSaveError } from '../../trpc/save-error';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { Form } from '../../ui/form';
import { useCanWrite } from '../access';
import { ConfirmButton } from '../confirm-button';
import { roleLabel, scopeNames, useRoleCatalog } from '../roles';
import { cell, Table } from '../table';
import type { AdminUser, RoleLink, RoleLinkInput } from '../types';
import {
  checkRoleLink,
  emptyRoleLink,
  type RoleLinkDraft,
  type RoleLinkErrors,
  RoleLinkFields,
  roleLinkErrors,
  toRoleLinkInput,
} from './role-link-fields';

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
  const remove = useMutation(trpc.admin.users.removeRoleLinks.mutationOptions({ onSuccess: onChanged }));

  return (
    <Card title="Role links" description="Roles at platform level, or at one organization or profile.">
      {remove.isError ? (
        <div className="mb-4">
          <Alert tone="error">{readError(remove.error).message}</Alert>
        </div>
      ) : null}
      {user.roleLinks.length === 0 ? (
        <p className="text-sm text-muted-foreground">No roles.</p>
      ) : (
        <Table
          caption={`Roles of ${user.email}`}
          headers={[
            'Role',
            'Level',
            'On',
            'Granted',
            ...(canWrite
              ? [
                  <span key="a" className="sr-only">
                    Actions
                  </span>,
                ]
              : []),
          ]}
        >
          {user.roleLinks.map((link) => {
            const href = entityHref(link);
            const role = roleLabel(catalog.data, link.roleCode);
            const where = link.entityName ?? link.entityId ?? 'the platform';
            return (
              <tr key={link._id}>
                <td className={cell}>
                  <span className="font-medium text-foreground">{role}</span>
                  <span className="block text-xs text-muted-foreground">{link.roleCode}</span>
                </td>
                <td className={cell}>{scopeNames[link.entityType]}</td>
                <td className={cell}>
                  {href ? (
                    <Link href={href} className="text-link hover:underline">
                      {where}
                    </Link>
                  ) : (
                    <span className="text-muted-foreground">—</span>
                  )}
                </td>
                <td className={`${cell} whitespace-nowrap text-muted-foreground`}>
                  <Time iso={link.createdAt} />
                </td>
                {canWrite ? (
                  <td className={`${cell} text-right`}>
                    <ConfirmButton
                      label="Remove"
                      align="end"
                      ariaLabel={`Remove ${role} on ${where}`}
                      question={`Remove ${role}?`}
                      confirmLabel="Remove role"
                      pending={remove.isPending}
                      onConfirm={() =>
                        remove.mutateAsync({
                          userId: user._id,
                          roleLinks: [
                            {
                              roleCode: link.roleCode as RoleLinkInput['roleCode'],
                              entityType: link.entityType,
                              entityId: link.entityId ?? undefined,
                            },
                          ],
                        })
                      }
                    />
                  </td>
                ) : null}
              </tr>
            );
          })}
        </Table>
      )}
      {canWrite ? <AddRoleLinkForm userId={user._id} onAdded={onChanged} /> : null}
    </Card>
  );
}

function AddRoleLinkForm({ userId, onAdded }: { userId: string; onAdded: () => void }) {
  const trpc = useTRPC();
  const add = useMutation(trpc.admin.users.addRoleLinks.mutationOptions());
  const [draft, setDraft] = useState<RoleLinkDraft>(emptyRoleLink);
  const [errors, setErrors] = useState<RoleLinkErrors>({});
  const [message, setMessage] = useState<string>();
  const [done, setDone] = useState<string>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(undefined);
    const missing = checkRoleLink(draft);
    setErrors(missing);
    if (Object.keys(missing).length) return;
    try {
      await add.mutateAsync({ userId, roleLinks: [toRoleLinkInput(draft)] });
      setMessage(undefined);
      setDraft(emptyRoleLink);
      setDone('Role added.');
      onAdded();
    } catch (error) {
      const e = toSaveError(error);
      setErrors(roleLinkErrors(e, 'roleLinks.0'));
      setMessage(formError(e, ['roleLinks.0']));
    }
  }

  return (
    <Form onSubmit={submit} aria-label="Add a role" className="mt-6 space-y-4 border-t border-border pt-5">
      <h3 className="text-sm font-semibold text-foreground">Add a role</h3>
      {message ? <Alert tone="error">{message}</Alert> : null}
      {done ? <Alert tone="success">{done}</Alert> : null}
      <RoleLinkFields
        value={draft}
        onChange={(next) => {
          setDraft(next);
          setDone(undefined);
        }}
        errors={errors}
      />
      <Button type="submit" pending={add.isPending}>
        Add role
      </Button>
    </Form>
  );
}
