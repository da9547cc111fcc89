import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, sendSeed, startTestServer } from '../helpers/http';
import { latestEmail } from '../helpers/identity';
import { addMember, createOrganizationRow, createProfileRow } from '../helpers/organizations';
import { createUser, testRuntime } from '../helpers/runtime';

/**
 * The seed's organization examples (#12, #16-#20; shared/seed/platform-api-seed.txt), each body
 * sent as the seed's own text with only its <placeholders> replaced by real ids, then the
 * invitation acceptance, #47 and #48 that complete the flow.
 */
const seed = {
  listUsers: '{}',
  invite: `{
"organizationId": "<organizationId>",
"email": "new.user@example.com",
"firstName": "First",
"lastName": "Last"
}`,
  resend: `{
"organizationId": "<organizationId>",
"userId": "<userId>"
}`,
  organizationRoles: `{
"organizationId": "<organizationId>",
"userId": "<userId>",
"defaultRoleCodes": ["default.organization.admin"],
"roleCodes": ["basic.admin"]
}`,
  profileRoles: `{
"profileId": "<profileId>",
"userId": "<userId>",
"roleCodes": ["basic.admin"]
}`,
};

const NEW_USER_PASSWORD = 'first steps into provena';

let server: Awaited<ReturnType<typeof startTestServer>>;
let ids: { organizationId: string; profileId: string; userId: string };
let adminToken: string;
let memberToken: string;
const admin = { email: 'org.admin@example.com', password: 'organization admin passphrase' };
const member = { email: 'org.member@example.com', password: 'organization member passphrase' };

const post = (path: string, text: string, token?: string, headers: Record<string, string> = {}) =>
  sendSeed(server, path, text, ids, { token, headers });

async function login(who: { email: string; password: string }) {
  const res = await server.request<{ accessToken: string }>('POST', '/auth/login', {
    body: { email: who.email, secret: who.password },
  });
  expect(res.status).toBe(200);
  return res.body.accessToken;
}

async function invitationToken(email: string) {
  const mail = await latestEmail(rt, email, 'invitation');
  return decodeURIComponent(/\/accept-invitation\?token=([A-Za-z0-9_-]+)/.exec(mail.text)![1]!);
}

const rt = testRuntime();
beforeAll(async () => {
  server = await startTestServer(rt);
  const organization = await createOrganizationRow(rt, { name: 'Organization Name' });
  const profile = await createProfileRow(rt, organization.id, { name: 'Organization Profile Name' });
  const adminUser = await createUser(rt, admin);
  const memberUser = await createUser(rt, member);
  await addMember(rt, organization.id, adminUser.id, ['default.organization.admin']);
  await addMember(rt, organization.id, memberUser.id);
  ids = { organizationId: organization.id, profileId: profile.id, userId: '' };
  adminToken = await login(admin);
  memberToken = await login(member);
});
afterAll(async () => {
  await server.close();
});

describe('seed: organization examples', () => {
  it('#12 lists the organizations available to the user with their profiles', async () => {
    const res = await server.request<{ items: Record<string, unknown>[] }>('GET', '/organizations', {
      token: memberToken,
    });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        _id: ids.organizationId,
        name: 'Organization Name',
        roles: ['default.organization.member'],
        profiles: [expect.objectContaining({ _id: ids.profileId, name: 'Organization Profile Name' })],
      }),
    ]);
  });

  it('#16 lists the users of the organization named by x-active-organization-id with the seed body {}', async () => {
    const res = await post('/organization-users/list', seed.listUsers, memberToken, {
      'x-active-organization-id': ids.organizationId,
    });
    expect(res.status).toBe(200);
    const items = res.body.items as { email: string; status: string; roles: string[] }[];
    expect(items.map((u) => u.email).sort()).toEqual([admin.email, member.email]);
    expect(items.find((u) => u.email === admin.email)).toMatchObject({
      status: 'active',
      roles: ['default.organization.admin'],
    });
    expect(res.body.nextCursor).toBeNull();
  });

  it('#17 invites new.user@example.com with 201 and emails the accept link', async () => {
    const res = await post('/organization-users/invite', seed.invite, adminToken);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      email: 'new.user@example.com',
      firstName: 'First',
      lastName: 'Last',
      status: 'invited',
      roles: [],
    });
    ids.userId = res.body._id as string;
    expect(await invitationToken('new.user@example.com')).toBeTruthy();
  });

  it('#18 resends the invitation with 200; the previous link no longer works', async () => {
    const before = await invitationToken('new.user@example.com');
    const res = await post('/organization-users/resend-invitation', seed.resend, adminToken);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ _id: ids.userId, status: 'invited' });
    const after = await invitationToken('new.user@example.com');
    expect(after).not.toBe(before);
    const old = await server.request('POST', '/invitations/preview', { body: { token: before } });
    expectProblem(old, 404, 'LINK_INVALID');
  });

  it('#19 assigns default and other organization roles with 200', async () => {
    const res = await post('/organization-users/roles', seed.organizationRoles, adminToken);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      organizationId: ids.organizationId,
      userId: ids.userId,
      defaultRoleCodes: ['default.organization.admin'],
      roleCodes: ['basic.admin'],
    });
  });

  it('#20 assigns profile roles with 200', async () => {
    const res = await post('/organization-users/profile-roles', seed.profileRoles, adminToken);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ profileId: ids.profileId, userId: ids.userId, roleCodes: ['basic.admin'] });
  });

  it('accepts the invitation publicly, and the new user signs in to the organization with those roles', async () => {
    const token = await invitationToken('new.user@example.com');
    const preview = await server.request('POST', '/invitations/preview', { body: { token } });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ email: 'new.user@example.com', needsPassword: true });
    const accepted = await server.request('POST', '/invitations/accept', {
      body: { token, password: NEW_USER_PASSWORD },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({
      organizationId: ids.organizationId,
      organizationName: 'Organization Name',
      email: 'new.user@example.com',
    });
    const again = await server.request('POST', '/invitations/accept', {
      body: { token, password: NEW_USER_PASSWORD },
    });
    expectProblem(again, 404, 'LINK_INVALID');

    const newToken = await login({ email: 'new.user@example.com', password: NEW_USER_PASSWORD });
    const me = await server.request('GET', '/auth/me', {
      token: newToken,
      headers: { 'x-active-organization-id': ids.organizationId },
    });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      activeOrganization: { _id: ids.organizationId },
      // one organization role per person: invited as administrator, they join as administrator only
      roles: ['basic.admin', 'default.organization.admin'],
      profiles: [expect.objectContaining({ _id: ids.profileId, roles: ['basic.admin'] })],
    });
  });

  it('#47 cancels an invitation, removes a member and leaves, each with 204', async () => {
    const invited = await server.request('POST', '/organization-users/invite', {
      token: adminToken,
      body: {
        organizationId: ids.organizationId,
        email: 'second.user@example.com',
        firstName: 'S',
        lastName: 'U',
      },
    });
    const pair = (userId: string) => JSON.stringify({ organizationId: ids.organizationId, userId });
    const cancelled = await post(
      '/organization-users/cancel-invitation',
      pair(invited.body._id as string),
      adminToken,
    );
    expect(cancelled.status).toBe(204);
    expect(cancelled.text).toBe('');

    const memberId = (await rt.db.query.users.findFirst({ where: (u, { eq }) => eq(u.email, member.email) }))!
      .id;
    const removed = await post('/organization-users/remove', pair(memberId), adminToken);
    expect(removed.status).toBe(204);
    const gone = await server.request('GET', '/organizations', { token: memberToken });
    expect(gone.body).toEqual({ items: [] });

    const newToken = await login({ email: 'new.user@example.com', password: NEW_USER_PASSWORD });
    const left = await post(
      '/organization-users/leave',
      JSON.stringify({ organizationId: ids.organizationId }),
      newToken,
    );
    expect(left.status).toBe(204);
  });

  it('#48 lists the organization audit log with filters and paging', async () => {
    const res = await post(
      '/audit-events/list',
      JSON.stringify({ organizationId: ids.organizationId }),
      adminToken,
    );
    expect(res.status).toBe(200);
    const actions = (res.body.items as { action: string }[]).map((e) => e.action);
    expect(actions).toEqual([
      'member.left',
      'member.removed',
      'member.invitation.cancelled',
      'member.invited',
      'member.joined',
      'member.profile_roles.changed',
      'member.roles.changed',
      'member.invitation.resent',
      'member.invited',
    ]);
    const page = await post(
      '/audit-events/list',
      JSON.stringify({ organizationId: ids.organizationId, action: 'member.invit*', limit: 2 }),
      adminToken,
    );
    expect((page.body.items as { action: string }[]).map((e) => e.action)).toEqual([
      'member.invitation.cancelled',
      'member.invited',
    ]);
    const next = await post(
      '/audit-events/list',
      JSON.stringify({
        organizationId: ids.organizationId,
        action: 'member.invit*',
        limit: 2,
        cursor: page.body.nextCursor,
      }),
      adminToken,
    );
    expect((next.body.items as { action: string }[]).map((e) => e.action)).toEqual([
      'member.invitation.resent',
      'member.invited',
    ]);
    expect(next.body.nextCursor).toBeNull();
  });

  it('answers refusals as problem details: 404, 409 and 403', async () => {
    const stranger = await createUser(rt);
    const notMember = await post(
      '/organization-users/resend-invitation',
      JSON.stringify({ organizationId: ids.organizationId, userId: stranger.id }),
      adminToken,
    );
    expectProblem(notMember, 404, 'MEMBER_NOT_FOUND');

    const lastAdmin = await post(
      '/organization-users/leave',
      JSON.stringify({ organizationId: ids.organizationId }),
      adminToken,
    );
    expectProblem(lastAdmin, 409, 'LAST_ORGANIZATION_ADMIN');

    const outsider = await createUser(rt, {
      email: 'outsider@example.com',
      password: 'an outsider passphrase',
    });
    await addMember(rt, ids.organizationId, outsider.id);
    const plainToken = await login({ email: 'outsider@example.com', password: 'an outsider passphrase' });
    const forbidden = await post('/organization-users/invite', seed.invite, plainToken);
    expectProblem(forbidden, 403, 'FORBIDDEN');
    const foreignHeader = await post('/organization-users/list', seed.listUsers, plainToken, {
      'x-active-organization-id': '01900000-0000-7000-8000-000000000000',
    });
    expectProblem(foreignHeader, 403, 'FORBIDDEN');
  });
});
