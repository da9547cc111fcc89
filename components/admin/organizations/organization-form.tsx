'use client';

import { fieldLimits, type OrganizationFormValues } from '@/server/modules/organizations/schemas';
import { AddressFields } from '../../organizations/address-fields';
import { IdentifierFields } from '../../organizations/identifier-fields';
import { TextField } from '../../ui/form-field';
import type { AdminOrganization } from '../types';

/** The form's values for an organization (or a new one): every field as text, the country a code or null. */
export function organizationFormValues(organization?: AdminOrganization): OrganizationFormValues {
  const address = organization?.address;
  return {
    name: organization?.name ?? '',
    taxId: organization?.taxId ?? '',
    duns: organization?.duns ?? '',
    address: {
      country: address?.country ?? null,
      state: address?.state ?? '',
      city: address?.city ?? '',
      line1: address?.line1 ?? '',
      line2: address?.line2 ?? '',
      postalCode: address?.postalCode ?? '',
    },
  };
}

/**
 * Name, tax id, DUNS and address, for the create and edit forms of the surrounding ZodForm
 * (organizationFormSchema). Only the edit form says how a value is cleared: a create form has
 * nothing to clear.
 */
export function OrganizationFields({
  mode,
  canWrite = true,
}: {
  mode: 'create' | 'edit';
  canWrite?: boolean;
}) {
  return (
    <div className="space-y-4">
      <TextField<OrganizationFormValues>
        name="name"
        label="Name"
        maxLength={fieldLimits.name}
        autoComplete="organization"
      />
      <IdentifierFields mode={mode} />
      <AddressFields mode={mode} canWrite={canWrite} />
    </div>
  );
}
