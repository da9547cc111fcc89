import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { profileFlags } from '@/db/schema';
import { type FlagValues, knownFlags } from '../catalog';

/** A profile's set flags as `{GHGP: true}`: one query on the flags' primary key. */
export async function loadFlags(db: Db, profileId: string): Promise<FlagValues> {
  const rows = await db
    .select({ flag: profileFlags.flag, value: profileFlags.value })
    .from(profileFlags)
    .where(eq(profileFlags.profileId, profileId));
  return knownFlags(Object.fromEntries(rows.map((row) => [row.flag, row.value])));
}
