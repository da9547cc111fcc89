'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { useSave } from '@/components/forms/use-save';
import { profileForm, updateProfileInput } from '@/server/modules/auth/account/schemas';
import { roleName } from '../organizations/roles';
import { Time } from '../time';
import { useTRPC } from '../trpc/client';
import { Badge } from '../ui/badge';
import { Card } from '../ui/card';
import { TextField } from '../ui/form-field';
import { toastSaved } from '../ui/toast';
import { FormRootError, SubmitButton, useZodForm, ZodForm } from '../ui/zod-form';

type Profile = {
  email: string;
  firstName: string;
  lastName: string;
  lastLoginAt: string | null;
  createdAt: string;
  tfaEnabled: boolean;
};

type Values = z.input<typeof profileForm>;
const NAME_LIMIT = updateProfileInput.shape.firstName.maxLength ?? undefined;

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="contents">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words text-foreground">{children}</dd>
    </div>
  );
}

/** Your name (editable), and the facts of the account. */
export function ProfileCard({ user, platformRoles }: { user: Profile; platformRoles: string[] }) {
  return (
    <Card title="Profile" description="Your name is what the people in your organizations see.">
      <div className="space-y-6">
        <NameForm firstName={user.firstName} lastName={user.lastName} />
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]">
          <Row label="Email">{user.email}</Row>
          <Row label="Two-factor sign-in">
            {/* the account's switch, not a method's state (those are StateBadge kind="tfa" in the list) */}
            {user.tfaEnabled ? (
              <Badge tone="green" dot>
                On
              </Badge>
            ) : (
              <Badge tone="amber" dot>
                Off
              </Badge>
            )}
          </Row>
          {platformRoles.length > 0 ? (
            <Row label="Platform roles">
              <span className="flex flex-wrap gap-1.5">
                {platformRoles.map((role) => (
                  <Badge key={role} tone="blue">
                    {roleName(role)}
                  </Badge>
                ))}
              </span>
            </Row>
          ) : null}
          <Row label="Last sign-in">
            <Time iso={user.lastLoginAt} />
          </Row>
          <Row label="Member since">
            <Time iso={user.createdAt} />
          </Row>
        </dl>
      </div>
    </Card>
  );
}

function NameForm({ firstName, lastName }: { firstName: string; lastName: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const update = useMutation(trpc.auth.updateProfile.mutationOptions());
  const form = useZodForm(profileForm, { defaultValues: { firstName, lastName } });
  const { onSubmit, networkError } = useSave(
    form,
    async (values: z.output<typeof profileForm>) => {
      const saved = await update.mutateAsync(values);
      form.reset({ firstName: saved.firstName, lastName: saved.lastName });
      toastSaved('Name', `${saved.firstName} ${saved.lastName}`);
      // the shell's account menu shows the name (server-rendered)
      router.refresh();
    },
    { what: 'Your name' },
  );
  return (
    <ZodForm form={form} onSubmit={onSubmit} className="max-w-xl" aria-label="Your name">
      <FormRootError />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField<Values>
          name="firstName"
          label="First name"
          autoComplete="given-name"
          maxLength={NAME_LIMIT}
        />
        <TextField<Values>
          name="lastName"
          label="Last name"
          autoComplete="family-name"
          maxLength={NAME_LIMIT}
        />
      </div>
      {networkError}
      <SubmitButton variant="secondary">Save name</SubmitButton>
    </ZodForm>
  );
}
