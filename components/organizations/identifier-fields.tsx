'use client';

import { TextField } from '../ui/form-field';

/** The two fields an organization and a profile share. */
type Identifiers = { taxId: string; duns: string };

/**
 * Tax id and DUNS number, side by side, for an organization's or a profile's form; on an edit
 * form each says how to clear it, on a create form nothing of clearing.
 */
export function IdentifierFields({ mode }: { mode: 'create' | 'edit' }) {
  const clearHint = mode === 'edit' ? ' Remove the value to clear it.' : '';
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField<Identifiers>
        name="taxId"
        label="Tax id"
        optional
        description={`Such as a US EIN.${clearHint}`}
        autoComplete="off"
      />
      <TextField<Identifiers>
        name="duns"
        label="DUNS number"
        optional
        inputMode="numeric"
        description={`9 digits.${clearHint}`}
        autoComplete="off"
      />
    </div>
  );
}
