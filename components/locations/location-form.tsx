'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { LocationOutput } from '@/server/modules/locations/schemas';
import { useSave } from '../forms/use-save';
import { useTRPC } from '../trpc/client';
import { buttonClass } from '../ui/button';
import { Card } from '../ui/card';
import { toastSaved } from '../ui/toast';
import { FormRootError, SubmitButton, useZodForm, ZodForm } from '../ui/zod-form';
import { LocationFields } from './location-fields';
import { locationFormSchema, locationFormValues, toCreateInput, toUpdateInput } from './location-form-schema';

/**
 * A new location, or the edit of one. The schema is the module's, so the form refuses what the
 * server would; the server's own refusals (a name or code already used in the profile) land on
 * their field.
 */
export function LocationForm({ profileId, location }: { profileId: string; location?: LocationOutput }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.locations.create.mutationOptions());
  const update = useMutation(trpc.locations.update.mutationOptions());
  const form = useZodForm(locationFormSchema, { defaultValues: locationFormValues(location) });
  const list = `/profiles/${profileId}/locations`;
  const { onSubmit, networkError } = useSave(
    form,
    async (values) => {
      if (location) {
        const saved = await update.mutateAsync(toUpdateInput(location._id, values));
        form.reset(locationFormValues(saved));
        toastSaved('Location', saved.name);
      } else {
        const saved = await create.mutateAsync(toCreateInput(profileId, values));
        toastSaved('Location', saved.name, 'created');
        router.push(`${list}/${saved._id}`);
      }
      await queryClient.invalidateQueries({ queryKey: trpc.locations.pathKey() });
    },
    { what: 'The location' },
  );

  return (
    <Card>
      <ZodForm
        form={form}
        onSubmit={onSubmit}
        aria-label={location ? `Edit ${location.name}` : 'New location'}
      >
        <LocationFields mode={location ? 'edit' : 'create'} />
        <FormRootError />
        {networkError}
        <div className="flex flex-wrap gap-3">
          <SubmitButton>{location ? 'Save changes' : 'Create location'}</SubmitButton>
          <Link href={list} className={buttonClass('secondary')}>
            {location ? 'Back to locations' : 'Cancel'}
          </Link>
        </div>
      </ZodForm>
    </Card>
  );
}
