'use client';

import { canGrant, roleName } from '@/components/organizations/roles';
import { Checkbox } from '@/components/ui/checkbox';
import type { RoleCode } from '@/server/core/access/catalog';

const toggled = (codes: string[], code: string, on: boolean) =>
  on ? [...codes, code] : codes.filter((c) => c !== code);

/** A role the granter lacks permissions for cannot be newly ticked; one already held can be removed. */
export function RoleChoice(props: {
  code: RoleCode;
  held: readonly string[];
  codes: string[];
  onChange: (codes: string[]) => void;
  hint?: string;
}) {
  const checked = props.codes.includes(props.code);
  const allowed = checked || canGrant(props.code, props.held);
  return (
    <Checkbox
      label={roleName(props.code)}
      hint={allowed ? props.hint : 'Needs permissions you do not hold'}
      checked={checked}
      disabled={!allowed}
      onChange={(e) => props.onChange(toggled(props.codes, props.code, e.target.checked))}
    />
  );
}
