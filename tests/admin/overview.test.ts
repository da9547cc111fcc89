import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { organizationMembers, users } from '@/db/schema';
import type { ApiKeyPrincipal } from '@/server/core/context';
import { callerAs } from '../helpers/callers';
import { startTestServer } from '../helpers/http';
import { createOrganizationRow, createProfileRow } from '../helpers/organizations';
import { expectRefused } from '../helpers/refusals';
import { createUser, testRuntime } from '../helpers/runtime';
import { createStaff } from './helpers';

/** The admin overview's counts (issue 9): right on a known set, for platform staff only. */
let staff: Awaited<ReturnType<typeof createStaff>>;
const rt = testRuntime();
beforeAll(async () => {
  staff = await createStaff(rt);
});

describe('admin overview', () => {
  it('counts users, organizations, profiles and invitations by status', async () => {
    const before = await staff.asSupport.admin.overview();
    const disabled = await createUser(rt);
    await rt.db.update(users).set({ status: 'disabled' }).where(eq(users.id, disabled.id));
    const noPassword = await createUser(rt);
    await rt.db.update(users).set({ passwordHash: null }).where(eq(users.id, noPassword.id));
    const invitee = await createUser(rt);
    const active = await createOrganizationRow(rt);
    const archived = await createOrganizationRow(rt, { status: 'archive' });
    await createProfileRow(rt, active.id);
    await createProfileRow(rt, active.id);
    await createProfileRow(rt, archived.id, { status: 'archive' });
    await rt.db.insert(organizationMembers).values([
      { organizationId: active.id, userId: invitee.id, status: 'invited' },
      { organizationId: archived.id, userId: invitee.id, status: 'invited' },
      { organizationId: active.id, userId: noPassword.id, status: 'active' },
    ]);

    const after = await staff.asAdmin.admin.overview();
    expect(after).toEqual({
      users: {
        active: before.users.active + 2,
        disabled: before.users.disabled + 1,
        withoutPassword: before.users.withoutPassword + 1,
      },
      organizations: { active: before.organizations.active + 1, archived: before.organizations.archived + 1 },
      profiles: { active: before.profiles.active + 2, archived: before.profiles.archived + 1 },
      pendingInvitations: before.pendingInvitations + 2,
    });
    // and the absolute numbers match the tables
    const all = await rt.db.select().from(users);
    expect(after.users.active).toBe(all.filter((u) => u.status === 'active').length);
    expect(after.users.disabled).toBe(all.filter((u) => u.status === 'disabled').length);
  });

  it('refuses a user without a platform role (403) and anonymous callers (401)', async () => {
    await expectRefused(staff.asPlain.admin.overview(), 'FORBIDDEN', 403);
    await expectRefused(callerAs(rt, null).admin.overview(), 'UNAUTHENTICATED', 401);
  });

  it('refuses an API key, even one holding admin.read, and has no REST route (404)', async () => {
    const key: ApiKeyPrincipal = {
      kind: 'apiKey',
      keyId: '01890000-0000-7000-8000-000000000001',
      clientId: 'pk_test',
      organizationId: '01890000-0000-7000-8000-000000000002',
      profileId: '01890000-0000-7000-8000-000000000003',
      scopes: ['admin.read'],
      createdBy: staff.admin.id,
      creatorActive: true,
    };
    await expectRefused(callerAs(rt, key).admin.overview(), 'FORBIDDEN', 403);
    const server = await startTestServer(rt);
    try {
      for (const path of ['/admin/overview', '/admin/overview/get']) {
        expect((await server.request('POST', path, { body: {} })).status).toBe(404);
        expect((await server.request('GET', path)).status).toBe(404);
      }
    } finally {
      await server.close();
    }
  });
});
