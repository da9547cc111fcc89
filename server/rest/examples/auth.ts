import 'server-only';
import {
  at,
  deviceToken,
  ids,
  myOrganization,
  type OperationExample,
  recoveryCodes,
  refreshToken,
  tfaMethod,
  tokenPair,
  user,
} from './fixtures';

/** The auth module's REST examples (see server/rest/examples.ts). */
export const authExamples: Readonly<Record<string, OperationExample>> = {
  'auth.login': {
    request: { email: 'user@example.com', secret: 'your-password', tfaCode: '123456' },
    response: { ...tokenPair, user, deviceToken },
  },
  'auth.initiateLogin': { request: { email: 'user@example.com' }, response: { status: 'sent' } },
  'auth.logout': { request: {} },
  'auth.refresh': { request: { refreshToken }, response: tokenPair },
  'auth.me': {
    request: {},
    response: {
      user: { ...user, tfaEnabled: true },
      platformRoles: [],
      memberships: [{ organizationId: ids.organization, name: 'Organization Name', status: 'active' }],
      activeOrganization: { _id: ids.organization, name: 'Organization Name' },
      roles: myOrganization.roles,
      permissions: myOrganization.permissions,
      profiles: myOrganization.profiles,
    },
  },
  'auth.changePassword': { request: { password: 'new-password-of-12+', oldPassword: 'current-password' } },
  'auth.requestPasswordReset': { request: { email: 'user@example.com' }, response: { status: 'sent' } },
  'auth.completePasswordReset': {
    request: { token: 'rst_5hG8kL1mN4pQ7rS0tU3vW6xY9zA2bC', password: 'new-password-of-12+' },
  },
  'auth.sessions.list': {
    response: {
      items: [
        {
          _id: ids.session,
          channel: 'browser',
          device: 'Chrome on macOS',
          ip: '203.0.113.7',
          createdAt: '2026-05-01T07:00:00.000Z',
          lastSeenAt: at,
          current: true,
        },
      ],
    },
  },
  'auth.sessions.revoke': { request: { _id: ids.session } },
  'auth.sessions.revokeOthers': { request: {}, response: { revoked: 2 } },
  'auth.updateProfile': {
    request: { firstName: 'UpdatedFirstName', lastName: 'Last' },
    response: { ...user, firstName: 'UpdatedFirstName' },
  },
  'auth.tfa.recoveryCodes': { response: { unused: 9, total: 10 } },
  'auth.tfa.regenerateRecoveryCodes': {
    request: { password: 'current-password' },
    response: { recoveryCodes },
  },
  'auth.tfa.list': { response: { items: [tfaMethod] } },
  'auth.tfa.create': {
    request: { password: 'current-password', type: 'totp' },
    response: {
      _id: ids.tfa,
      type: 'totp',
      status: 'pending',
      secret: 'JBSWY3DPEHPK3PXP',
      otpauthUrl: 'otpauth://totp/Provena:user%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Provena',
      qrCode:
        'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
    },
  },
  'auth.tfa.activate': {
    request: { tfaCode: '123456' },
    response: { _id: ids.tfa, type: 'totp', status: 'active', recoveryCodes },
  },
  'auth.tfa.disable': {
    request: { tfaId: ids.tfa, password: 'current-password' },
    response: { ...tfaMethod, status: 'disabled' },
  },
  'auth.tfa.remove': { request: { tfaId: ids.tfa, password: 'current-password' } },
};
