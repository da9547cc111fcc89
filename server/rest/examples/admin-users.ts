import 'server-only';
import { ids, type OperationExample, roleLink, tfaMethod, user } from './fixtures';

/** The admin console's REST examples: users (see server/rest/examples.ts). */
export const adminUserExamples: Readonly<Record<string, OperationExample>> = {
  'admin.users.create': {
    request: {
      email: 'user@example.com',
      firstName: 'First',
      lastName: 'Last',
      password: 'temporary-password',
      roleLinks: [],
    },
    response: {
      ...user,
      passwordChangeRequired: true,
      lastLoginAt: null,
      roleLinks: [],
      tfaMethods: [],
      memberships: [],
    },
  },
  'admin.users.update': {
    request: { _id: ids.user, firstName: 'UpdatedFirstName' },
    response: { ...user, firstName: 'UpdatedFirstName' },
  },
  'admin.users.addRoleLinks': {
    request: {
      userId: ids.user,
      roleLinks: [
        { roleCode: 'default.organization.admin', entityType: 'organization', entityId: ids.organization },
        { roleCode: 'sox.producer.admin', entityType: 'organization_profile', entityId: ids.profile },
      ],
    },
    response: {
      userId: ids.user,
      roleLinks: [
        roleLink,
        {
          ...roleLink,
          _id: '0197a1b2-8192-73a4-9fb0-2b3c4d5e6f71',
          roleCode: 'sox.producer.admin',
          entityType: 'organization_profile',
          entityId: ids.profile,
          entityName: 'Organization Profile Name',
        },
      ],
    },
  },
  'admin.users.removeRoleLinks': {
    request: {
      userId: ids.user,
      roleLinks: [
        { roleCode: 'default.organization.admin', entityType: 'organization', entityId: ids.organization },
      ],
    },
    response: { userId: ids.user, roleLinks: [] },
  },
  'admin.users.setPassword': { request: { userId: ids.user, password: 'new-password-of-12+' } },
  'admin.users.get': {
    request: { userId: ids.user },
    response: {
      ...user,
      roleLinks: [roleLink],
      tfaMethods: [tfaMethod],
      memberships: [{ organizationId: ids.organization, name: 'Organization Name', status: 'active' }],
    },
  },
  'admin.users.revokeSessions': { request: { userId: ids.user } },
  'admin.users.search': {
    request: { email: 'example.com', limit: 25 },
    response: { items: [user], nextCursor: null, total: 1 },
  },
  'admin.users.tfa.list': { request: { userId: ids.user }, response: { items: [tfaMethod] } },
  'admin.users.tfa.remove': { request: { userId: ids.user, tfaId: ids.tfa } },
};
