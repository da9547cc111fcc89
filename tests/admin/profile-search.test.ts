import { beforeAll, describe, expect, it } from 'vitest';
import { createOrganizationRow, createProfileRow } from '../helpers/organizations';
import { expectRefused } from '../helpers/refusals';
import { testRuntime } from '../helpers/runtime';
import { createStaff, messageAt } from './helpers';

let staff: Awaited<ReturnType<typeof createStaff>>;
const rt = testRuntime();
beforeAll(async () => {
  staff = await createStaff(rt);
});

describe('admin: search profiles by tags (#40)', () => {
  const stamp = Date.now().toString(36);
  let org: { id: string };
  let other: { id: string };
  beforeAll(async () => {
    org = await createOrganizationRow(rt, { name: `Search Org ${stamp}` });
    other = await createOrganizationRow(rt, { name: `Other Org ${stamp}` });
    const tags = (...names: string[]) => names.map((tag) => ({ tag, measurers: [], verifiers: [] }));
    await createProfileRow(rt, org.id, {
      name: `Both ${stamp}`,
      participantTags: tags('nat_gas_producer', 'nat_gas_transportation_producer'),
    });
    await createProfileRow(rt, org.id, {
      name: `Producer ${stamp}`,
      participantTags: tags('nat_gas_producer'),
    });
    await createProfileRow(rt, other.id, {
      name: `Measured ${stamp}`,
      participantTags: [
        {
          tag: 'nat_gas_transportation_producer',
          measurers: [{ identifier: 'mock-server', standardTypes: ['OGCI'] }],
          verifiers: [{ identifier: 'spirit' }],
        },
      ],
    });
    await createProfileRow(rt, other.id, { name: `Buyer ${stamp}`, participantTags: tags('nat_gas_buyer') });
  });

  const names = (items: { name: string }[]) => items.map((p) => p.name).filter((n) => n.endsWith(stamp));

  it('finds the profiles holding a tag, whatever their measurers and verifiers, with the organization name', async () => {
    const { items } = await staff.asSupport.admin.profiles.search({
      participantTags: [{ tag: 'nat_gas_transportation_producer' }],
      limit: 200,
    });
    expect(names(items)).toEqual([`Both ${stamp}`, `Measured ${stamp}`]);
    expect(items.find((p) => p.name === `Measured ${stamp}`)!.organizationName).toBe(`Other Org ${stamp}`);
  });

  it('requires every listed tag', async () => {
    const { items } = await staff.asSupport.admin.profiles.search({
      participantTags: [{ tag: 'nat_gas_producer' }, { tag: 'nat_gas_transportation_producer' }],
      limit: 200,
    });
    expect(names(items)).toEqual([`Both ${stamp}`]);
  });

  it('filters by organization and by part of the name', async () => {
    const byOrg = await staff.asSupport.admin.profiles.search({ organizationId: org.id });
    expect(byOrg.items.map((p) => p.name)).toEqual([`Both ${stamp}`, `Producer ${stamp}`]);
    const byName = await staff.asSupport.admin.profiles.search({ name: `BUYER ${stamp}` });
    expect(byName.items.map((p) => p.name)).toEqual([`Buyer ${stamp}`]);
  });

  it('pages with the cursor', async () => {
    const first = await staff.asSupport.admin.profiles.search({ organizationId: org.id, limit: 1 });
    const second = await staff.asSupport.admin.profiles.search({
      organizationId: org.id,
      limit: 1,
      cursor: first.nextCursor!,
    });
    expect([...first.items, ...second.items].map((p) => p.name)).toEqual([
      `Both ${stamp}`,
      `Producer ${stamp}`,
    ]);
    expect(second.nextCursor).toBeNull();
  });

  it('refuses an unknown tag with 400 naming the known ones', async () => {
    const refusal = await expectRefused(
      staff.asSupport.admin.profiles.search({
        participantTags: [{ tag: 'nat_gas_producer' }, { tag: 'coal' }],
      }),
      'VALIDATION_FAILED',
    );
    expect(messageAt(refusal.errors, 'participantTags.1.tag')).toContain('nat_gas_transportation_buyer');
  });
});
