'use client';

import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { z } from 'zod';
import { Button } from '../button';
import {
  CheckboxField,
  ComboboxField,
  RadioGroupField,
  SelectField,
  TextareaField,
  TextField,
} from '../form-field';
import { isNetworkError, NetworkError } from '../network-error';
import { Switch } from '../switch';
import { toastSaved } from '../toast';
import { FormRootError, SubmitButton, setServerErrors, useZodForm, ZodForm } from '../zod-form';
import { countryOptions, usStates } from './fake-data';

// The shape a module's schemas.ts would export: limits stated once, messages that say how to fix.
const organizationSchema = z
  .object({
    name: z.string().trim().min(1, 'Enter the organization’s name.').max(200, 'Use at most 200 characters.'),
    email: z.email('Enter an email address like name@company.com.'),
    description: z.string().max(500, 'Use at most 500 characters.'),
    country: z.string({ error: 'Choose a country.' }).min(1, 'Choose a country.'),
    state: z.string(),
    participant: z.enum(['producer', 'pipeline', 'buyer'], { error: 'Choose what the organization does.' }),
    terms: z.boolean().refine((value) => value, 'Confirm that you may act for this organization.'),
  })
  .refine((value) => value.country !== 'US' || value.state !== '', {
    path: ['state'],
    message: 'Choose the state of the head office.',
  });

type Values = z.input<typeof organizationSchema>;

const participantOptions = [
  { value: 'producer', label: 'Producer', hint: 'Produces natural gas at wells and facilities' },
  { value: 'pipeline', label: 'Pipeline', hint: 'Gathers, processes or transports gas' },
  { value: 'buyer', label: 'Buyer', hint: 'Buys gas and its certificates' },
];

export function FormSection() {
  const form = useZodForm(organizationSchema, {
    defaultValues: { name: '', email: '', description: '', country: '', state: '', terms: false },
  });
  const country = useWatch({ control: form.control, name: 'country' });
  const [failNetwork, setFailNetwork] = useState(false);
  const [networkError, setNetworkError] = useState<unknown>(null);

  async function save(values: z.output<typeof organizationSchema>) {
    setNetworkError(null);
    await new Promise((resolve) => setTimeout(resolve, 700));
    try {
      if (failNetwork) throw new TypeError('Failed to fetch');
      if (values.name.toLowerCase() === 'acme') {
        setServerErrors(form, { name: 'An organization named Acme already exists. Choose another name.' });
        return;
      }
      toastSaved('Organization', values.name, 'created');
      form.reset();
    } catch (error) {
      if (isNetworkError(error)) setNetworkError(error);
      else form.setError('root', { message: 'The organization could not be saved.' });
    }
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <ZodForm form={form} onSubmit={save} className="max-w-xl">
        <TextField<Values>
          name="name"
          label="Organization name"
          description="As on its registration. Type “acme” to see a server refusal."
          maxLength={200}
          autoComplete="organization"
        />
        <TextField<Values> name="email" label="Contact email" type="email" autoComplete="email" />
        <TextareaField<Values>
          name="description"
          label="Description"
          optional
          maxLength={500}
          placeholder="What the organization does, in a sentence or two"
        />
        <div className="grid gap-5 sm:grid-cols-2">
          <ComboboxField<Values>
            name="country"
            label="Country"
            options={countryOptions}
            placeholder="Choose a country"
            searchPlaceholder="Search countries"
          />
          {country === 'US' ? (
            <SelectField<Values> name="state" label="State" options={usStates} placeholder="Choose a state" />
          ) : null}
        </div>
        <RadioGroupField<Values> name="participant" label="What it does" options={participantOptions} />
        <CheckboxField<Values>
          name="terms"
          label="I may act for this organization"
          description="Its administrators will see that you created it."
        />
        <FormRootError />
        {networkError ? (
          <NetworkError
            title="The organization was not saved"
            message="The server could not be reached. Nothing was lost: check your connection and try again."
            onRetry={() => form.handleSubmit(save)()}
            retrying={form.formState.isSubmitting}
          />
        ) : null}
        <div className="flex flex-wrap gap-2">
          <SubmitButton>Create organization</SubmitButton>
          <Button variant="ghost" onClick={() => form.reset()}>
            Reset
          </Button>
        </div>
      </ZodForm>
      <aside className="space-y-3 rounded-lg border border-dashed border-border p-4 text-body text-muted-foreground">
        <p className="font-medium text-foreground">Try it</p>
        <p>Submit empty: focus moves to the first error and the count is announced.</p>
        <p>Type in a field in error: its message goes at once.</p>
        <div className="flex items-center gap-2 text-foreground">
          <Switch id="fail-network" checked={failNetwork} onCheckedChange={setFailNetwork} />
          <label htmlFor="fail-network">Simulate a lost network</label>
        </div>
      </aside>
    </div>
  );
}
