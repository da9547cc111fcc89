import 'server-only';
import type { Address, organizations } from '@/db/schema';

type OrganizationRow = typeof organizations.$inferSelect;

/** The fields of an organization that leave the server. */
export const presentOrganization = (o: OrganizationRow) => ({
  _id: o.id,
  name: o.name,
  taxId: o.taxId,
  duns: o.duns,
  address: o.address ?? null,
  status: o.status,
  createdAt: o.createdAt.toISOString(),
  updatedAt: o.updatedAt.toISOString(),
});

/**
 * An address as stored: `{}` clears it (null), and empty parts are left out rather than kept as
 * "", so a cleared line reads the same as one never given.
 */
export function toStoredAddress(address: Partial<Address> | undefined): Address | null {
  if (!address) return null;
  const parts = Object.entries(address).filter(([, v]) => v !== undefined && v !== '');
  if (parts.length === 0) return null;
  return Object.fromEntries(parts) as Address;
}
