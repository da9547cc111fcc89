import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { businessLocations } from '@/db/schema';
import { asAppError } from '@/server/core/errors';
import { findLocationConflicts } from '@/server/modules/locations/services/location-records';
import { raceTest } from '../helpers/race';
import { testRuntime } from '../helpers/runtime';
import { createLocationTenants, seedLocation } from './support';

const rt = testRuntime();
let t: Awaited<ReturnType<typeof createLocationTenants>>;
beforeAll(async () => {
  t = await createLocationTenants(rt);
});

const codeOf = (reason: unknown) => asAppError((reason as { cause?: unknown }).cause ?? reason)?.code;

const countNamed = async (name: string) =>
  (
    await rt.db
      .select({ id: businessLocations.id })
      .from(businessLocations)
      .where(
        and(eq(businessLocations.profileId, t.a.profile.id), sql`lower(${businessLocations.name}) = ${name}`),
      )
  ).length;

describe('uniqueness under concurrency', () => {
  raceTest(
    'five concurrent creates of one name (in several cases): exactly one wins, the rest are 409',
    async () => {
      const results = await Promise.allSettled(
        ['Racing', 'RACING', 'racing', 'Racing', 'rAcing'].map((name, i) =>
          (i % 2 ? t.asEditor : t.asWriteKey).locations.create(seedLocation(t.a.profile.id, name)),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.flatMap((r) => (r.status === 'rejected' ? [codeOf(r.reason)] : []));
      expect(refused).toEqual(Array(4).fill('LOCATION_NAME_TAKEN'));
      expect(await countNamed('racing')).toBe(1);
    },
  );

  raceTest('concurrent renames onto one code: exactly one wins, the other is 409', async () => {
    const one = await t.asEditor.locations.create(seedLocation(t.a.profile.id, 'Rename One'));
    const two = await t.asEditor.locations.create(seedLocation(t.a.profile.id, 'Rename Two'));
    const results = await Promise.allSettled([
      t.asEditor.locations.update({ _id: one._id, code: 'SAME-CODE' }),
      t.asEditor.locations.update({ _id: two._id, code: 'SAME-CODE' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.flatMap((r) => (r.status === 'rejected' ? [codeOf(r.reason)] : []))).toEqual([
      'LOCATION_CODE_TAKEN',
    ]);
  });
});

describe('findLocationConflicts (the CSV import checks a whole batch first)', () => {
  it('names each row repeating a name (any case) or code of the profile or of an earlier row', async () => {
    await t.asEditor.locations.create({ ...seedLocation(t.a.profile.id, 'Existing'), code: 'EX-1' });
    const conflicts = await findLocationConflicts(rt.db, t.a.profile.id, [
      { name: 'Fresh', code: 'F-1' },
      { name: 'EXISTING' },
      { name: 'fresh', code: 'EX-1' },
      { name: 'Another', code: 'F-1' },
      { name: 'Clean', code: '' },
    ]);
    expect(conflicts).toEqual([
      { index: 1, path: 'name', message: 'is already the name of a location of this profile' },
      { index: 2, path: 'name', message: 'repeats the name of an earlier row' },
      { index: 2, path: 'code', message: 'is already the code of a location of this profile' },
      { index: 3, path: 'code', message: 'repeats the code of an earlier row' },
    ]);
    // another profile's names are no conflict
    expect(await findLocationConflicts(rt.db, t.b.profile.id, [{ name: 'Existing', code: 'EX-1' }])).toEqual(
      [],
    );
  });
});
