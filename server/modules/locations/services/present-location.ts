import 'server-only';
import type { businessLocations } from '@/db/schema';
import type { LocationOutput } from '../schemas';

type LocationRow = typeof businessLocations.$inferSelect;

/** The fields of a business location that leave the server (REST #21-#24). */
export const presentLocation = (row: LocationRow): LocationOutput => ({
  _id: row.id,
  organizationId: row.organizationId,
  profileId: row.profileId,
  name: row.name,
  code: row.code,
  type: row.type,
  basin: row.basin,
  isDirectConnection: row.isDirectConnection,
  preferredSuppliers: row.preferredSuppliers,
  coordinates:
    row.latitude === null || row.longitude === null
      ? null
      : { latitude: row.latitude, longitude: row.longitude },
  address: row.address,
  status: row.status,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});
