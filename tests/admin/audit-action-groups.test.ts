import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '@/db/schema';
import { createOrganizationRow } from '../helpers/organizations';
import { testRuntime } from '../helpers/runtime';
import { createStaff } from './helpers';

/** Issue 9, defects: the action filter's "a prefix such as admin" matches the admin group. */
const rt = testRuntime();
let staff: Awaited<ReturnType<typeof createStaff>>;
let organizationId: string;
beforeAll(async () => {
  staff = await createStaff(rt);
  organizationId = (await createOrganizationRow(rt)).id;
  const actions = ['admin', 'admin.user.created', 'admin.organization.updated', 'administrator.x', 'adminx'];
  await rt.db.insert(auditEvents).values(actions.map((action) => ({ action, organizationId })));
});

const actions = async (action: string) =>
  (await staff.asAdmin.admin.audit.list({ organizationId, action, limit: 200 })).items
    .map((e) => e.action)
    .sort();

describe('audit action filter: a group without the dot', () => {
  it('matches the group for "admin", not administrator.x or adminx', async () => {
    expect(await actions('admin')).toEqual(['admin', 'admin.organization.updated', 'admin.user.created']);
  });

  it('keeps "admin." and "admin*" as prefixes and an action with its own group', async () => {
    expect(await actions('admin.')).toEqual(['admin.organization.updated', 'admin.user.created']);
    expect(await actions('admin*')).toEqual([
      'admin',
      'admin.organization.updated',
      'admin.user.created',
      'administrator.x',
      'adminx',
    ]);
    expect(await actions('admin.user')).toEqual(['admin.user.created']);
    expect(await actions('admin.user.created')).toEqual(['admin.user.created']);
    expect(await actions('admi')).toEqual([]);
  });
});
