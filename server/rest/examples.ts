import 'server-only';

/**
 * An example request and answer for every REST operation, keyed by operationId (the procedure's
 * path), shown in the OpenAPI document and /api/docs. `request` is the procedure's whole input
 * (the OpenAPI document moves the fields that travel in the path, query or headers to their
 * parameters); `response` its output; either is absent when the operation has none (GET without
 * input, 204). The request bodies follow the platform's seed bodies where one exists.
 * tests/rest/openapi-examples.test.ts fails for an operation without an entry here, and parses
 * every example with the procedure's own input and output schemas.
 */
export type OperationExample = Readonly<{ request?: unknown; response?: unknown }>;

const ids = {
  user: '0197a1b2-3c4d-7e5f-8a6b-7c8d9e0f1a2b',
  otherUser: '0197a1b2-3c4d-7e5f-8a6b-7c8d9e0f1a2c',
  organization: '0197a1b2-4d5e-7f60-9b7c-8d9e0f1a2b3c',
  profile: '0197a1b2-5e6f-7071-8c8d-9e0f1a2b3c4d',
  tfa: '0197a1b2-6f70-7182-9d9e-0f1a2b3c4d5e',
  session: '0197a1b2-7081-7293-8eaf-1a2b3c4d5e6f',
  roleLink: '0197a1b2-8192-73a4-9fb0-2b3c4d5e6f70',
  event: '0197a1b2-92a3-74b5-a0c1-3c4d5e6f7081',
  location: '0197a1b2-b4c5-76d7-82e3-5e6f708192a3',
  otherLocation: '0197a1b2-b4c5-76d7-82e3-5e6f708192a4',
  apiKey: '0197a1b2-a3b4-75c6-b1d2-4d5e6f708192',
  report: '0197a1b2-c5d6-77e8-93f4-6f708192a3b4',
};
const at = '2026-05-04T09:30:00.000Z';
const later = '2026-05-11T09:30:00.000Z';
const accessToken = 'eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwMTk3YTFiMiJ9.c2lnbmF0dXJl';
const refreshToken = 'rt_3q2-7wHrOQ0e1mY5pZ8xk9V4cJbL6nTa';
const deviceToken = 'dt_Yk2c9PqR4wX7mN1bV6zL3sH8jD5fG0aE';
const token = 'inv_9fJk2LmQ4rT7vX1zB5nC8wE3yH6pS0dA';

const clientId = 'pvk_Q2xpZW50SWRFeGFtcGxl';
const apiKeySecret = {
  _id: ids.apiKey,
  clientId,
  clientKey: 'ck_example_R4nd0mBase64UrlKeyOf32BytesXyZ0123456',
  profileId: ids.profile,
  name: 'API key',
  scopes: ['profiles:read', 'locations:read', 'locations:write'],
  expiresAt: null,
  createdAt: at,
};
const apiKey = {
  _id: ids.apiKey,
  clientId,
  profileId: ids.profile,
  name: 'API key',
  scopes: ['profiles:read', 'locations:read', 'locations:write'],
  permissions: ['profiles.read', 'locations.read', 'locations.write'],
  expiresAt: null,
  lastUsedAt: later,
  rotatedAt: null,
  revokedAt: null,
  createdAt: at,
  createdBy: { _id: ids.user, email: 'user@example.com', firstName: 'First', lastName: 'Last' },
};

const user = {
  _id: ids.user,
  email: 'user@example.com',
  firstName: 'First',
  lastName: 'Last',
  status: 'active',
  passwordChangeRequired: false,
  lastLoginAt: at,
  createdAt: '2026-04-01T08:00:00.000Z',
  updatedAt: at,
};
const tokenPair = {
  accessToken,
  refreshToken,
  accessTokenExpiresAt: '2026-05-04T09:45:00.000Z',
  refreshTokenExpiresAt: '2026-06-03T09:30:00.000Z',
};
const participantTag = {
  tag: 'nat_gas_producer',
  measurers: [
    { identifier: 'mock-server', standardTypes: ['OGCI', 'NGSI'] },
    { identifier: 'project-canary', standardTypes: ['OGCI'] },
  ],
  verifiers: [{ identifier: 'demo_verifier' }, { identifier: 'spirit' }],
};
const profile = {
  _id: ids.profile,
  organizationId: ids.organization,
  name: 'Organization Profile Name',
  taxId: '800162034',
  duns: '831003012',
  participantTypes: ['producer'],
  participantTags: [participantTag],
  status: 'active',
  createdAt: '2026-04-02T10:00:00.000Z',
  updatedAt: at,
};
const organization = {
  _id: ids.organization,
  name: 'Organization Name',
  taxId: '123456789',
  duns: '123456789',
  address: { country: 'US', state: 'TX', city: 'Houston' },
  status: 'active',
  createdAt: '2026-04-02T09:00:00.000Z',
  updatedAt: at,
};
const profilePermissions = ['profiles.read', 'profiles.write'];
const myOrganization = {
  _id: ids.organization,
  name: 'Organization Name',
  status: 'active',
  roles: ['default.organization.admin'],
  permissions: ['organization.read', 'members.read', 'members.write', 'audit.read'],
  profiles: [
    {
      _id: ids.profile,
      name: 'Organization Profile Name',
      participantTags: [participantTag],
      roles: [],
      permissions: profilePermissions,
      flags: { GHGP: true },
    },
  ],
};
const member = {
  _id: ids.otherUser,
  email: 'new.user@example.com',
  firstName: 'First',
  lastName: 'Last',
  status: 'invited',
  roles: ['default.organization.member'],
  profileRoles: [],
  invitedAt: at,
  joinedAt: null,
  invitationExpiresAt: later,
};
const tfaMethod = {
  _id: ids.tfa,
  type: 'totp',
  status: 'active',
  createdAt: '2026-04-20T12:00:00.000Z',
  activatedAt: '2026-04-20T12:01:00.000Z',
};
const roleLink = {
  _id: ids.roleLink,
  roleCode: 'default.organization.admin',
  entityType: 'organization',
  entityId: ids.organization,
  entityName: 'Organization Name',
  createdAt: at,
};
const auditEvent = {
  _id: ids.event,
  at,
  action: 'organization.member.invited',
  actor: { _id: ids.user, email: 'user@example.com' },
  subject: { _id: ids.otherUser, email: 'new.user@example.com' },
  organizationId: ids.organization,
  actorKey: null,
  targetType: 'user',
  targetId: ids.otherUser,
  data: { roles: ['default.organization.member'] },
};
/** The seed's #21 location as the server answers it. */
const location = {
  _id: ids.location,
  organizationId: ids.organization,
  profileId: ids.profile,
  name: 'Location Name',
  code: null,
  type: 'buying',
  basin: 'Permian',
  isDirectConnection: false,
  preferredSuppliers: ['Antero'],
  coordinates: { latitude: 31.972096, longitude: -83.76064 },
  address: { country: 'US' },
  status: 'active',
  createdAt: at,
  updatedAt: at,
};
const seedLocationBody = {
  profileId: ids.profile,
  name: 'Location Name',
  type: 'buying',
  basin: 'Permian',
  isDirectConnection: false,
  preferredSuppliers: ['Antero'],
  coordinates: { latitude: 31.972096, longitude: -83.76064 },
  address: { country: 'US' },
};
const seedLocationUpdate = {
  _id: ids.location,
  basin: 'Permian',
  isDirectConnection: true,
  preferredSuppliers: ['QB'],
  name: 'Updated Location',
  address: { country: 'US', state: 'NY' },
  status: 'active',
};
const updatedLocation = {
  ...location,
  name: 'Updated Location',
  isDirectConnection: true,
  preferredSuppliers: ['QB'],
  address: { country: 'US', state: 'NY' },
  updatedAt: later,
};
const locationNames = { organizationName: 'Organization Name', profileName: 'Organization Profile Name' };
const reportHash = '5d41402abc4b2a76b9719d911017c592e2a6f0b4c9c1d5f0a3e8b7c6d5e4f3a2';
const report = {
  _id: ids.report,
  template: 'retirement',
  templateVersion: 1,
  title: 'Retirement statement for Contoso Manufacturing',
  statementNumber: 'RS-2026-000001',
  status: 'ready',
  voided: false,
  voidedAt: null,
  voidReason: null,
  voidedBy: null,
  profileId: ids.profile,
  profileName: 'Organization Profile Name',
  organizationId: ids.organization,
  organizationName: 'Organization Name',
  issuedAt: at,
  verificationHash: reportHash,
  pdfSha256: '9b74c9897bac770ffc029102a200c5de3f1a6e8b2d4c7f0a1e3b5d7c9f2a4b6d',
  byteSize: 38211,
  pageCount: 2,
  downloadUrl: `/api/v1/reports/${ids.report}/pdf`,
  createdAt: at,
  createdBy: { _id: ids.user, name: 'First Last' },
  error: null,
};
const retirementExample = {
  profileId: ids.profile,
  retiringOrganization: { name: 'Organization Name', profileName: 'Organization Profile Name' },
  beneficiary: { name: 'Contoso Manufacturing', country: 'US' },
  purpose: 'ghgp_scope3',
  reportingPeriod: { from: '2026-01', to: '2026-06' },
  items: [
    {
      serials: { batch: 'PRV-202611-PERM01-3', first: 1, last: 25000 },
      quantity: 25000,
      producer: 'Permian Clean Energy',
      facility: 'Delaware Basin Pad 7',
      basin: 'Permian',
      productionPeriod: { from: '2026-01', to: '2026-03' },
      methaneIntensity: 0.0412,
      standard: 'OGCI',
      measurer: 'SkyMeasure Inc.',
      verifier: 'Verity Assurance LLP',
    },
  ],
};
const recoveryCodes = Array.from({ length: 10 }, (_, i) => `k3v9-${String(1000 + i * 137).slice(-4)}-q7xm`);

export const operationExamples: Readonly<Record<string, OperationExample>> = {
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
  'organizations.list': { request: {}, response: { items: [myOrganization] } },
  'apiKeys.create': { request: { profileId: ids.profile }, response: apiKeySecret },
  'apiKeys.list': { request: { profileId: ids.profile }, response: { items: [apiKey] } },
  'apiKeys.revoke': {
    request: { profileId: ids.profile, _id: ids.apiKey },
    response: { ...apiKey, revokedAt: later },
  },
  'apiKeys.rotate': {
    request: { profileId: ids.profile, _id: ids.apiKey },
    response: { ...apiKeySecret, clientKey: 'ck_example_N3wRandomBase64UrlKeyOf32BytesAbC987' },
  },
  'profiles.get': { request: { profileId: ids.profile }, response: profile },
  'profiles.update': {
    request: { _id: ids.profile, participantTags: [{ tag: 'nat_gas_transportation_producer' }] },
    response: {
      ...profile,
      participantTags: [{ tag: 'nat_gas_transportation_producer', measurers: [], verifiers: [] }],
    },
  },
  'locations.create': { request: seedLocationBody, response: location },
  'locations.update': { request: seedLocationUpdate, response: updatedLocation },
  'locations.get': { request: { _id: ids.location }, response: location },
  'locations.list': {
    request: { profileId: ids.profile, status: 'active', type: 'buying', basin: 'Permian', limit: 50 },
    response: { items: [location], nextCursor: null },
  },
  'locations.setStatus': {
    request: { profileId: ids.profile, ids: [ids.location, ids.otherLocation], status: 'archive' },
    response: { updated: 2 },
  },
  'locations.points': {
    request: { profileId: ids.profile, status: 'active' },
    response: {
      items: [
        {
          _id: ids.location,
          name: 'Location Name',
          type: 'buying',
          status: 'active',
          latitude: 31.972096,
          longitude: -83.76064,
        },
      ],
      truncated: false,
    },
  },
  'members.invitations.preview': {
    request: { token },
    response: {
      organizationName: 'Organization Name',
      email: 'new.user@example.com',
      firstName: 'First',
      needsPassword: true,
      expiresAt: later,
    },
  },
  'members.invitations.accept': {
    request: { token, password: 'new-password-of-12+' },
    response: {
      organizationId: ids.organization,
      organizationName: 'Organization Name',
      email: 'new.user@example.com',
    },
  },
  'members.invitations.listMine': {
    response: {
      items: [
        {
          organizationId: ids.organization,
          organizationName: 'Organization Name',
          invitedBy: 'First Last',
          expiresAt: later,
        },
      ],
    },
  },
  'members.invitations.acceptMine': {
    request: { organizationId: ids.organization },
    response: {
      organizationId: ids.organization,
      organizationName: 'Organization Name',
      email: 'user@example.com',
    },
  },
  'members.invitations.decline': { request: { organizationId: ids.organization } },
  'members.list': {
    request: {},
    response: {
      items: [
        {
          ...member,
          _id: ids.user,
          email: 'user@example.com',
          status: 'active',
          roles: ['default.organization.admin'],
          joinedAt: at,
          invitationExpiresAt: null,
        },
        member,
      ],
      nextCursor: null,
      total: 2,
    },
  },
  'members.invite': {
    request: {
      organizationId: ids.organization,
      email: 'new.user@example.com',
      firstName: 'First',
      lastName: 'Last',
    },
    response: member,
  },
  'members.resendInvitation': {
    request: { organizationId: ids.organization, userId: ids.otherUser },
    response: member,
  },
  'members.cancelInvitation': { request: { organizationId: ids.organization, userId: ids.otherUser } },
  'members.setRoles': {
    request: {
      organizationId: ids.organization,
      userId: ids.otherUser,
      defaultRoleCodes: ['default.organization.admin'],
      roleCodes: ['basic.admin'],
    },
    response: {
      organizationId: ids.organization,
      userId: ids.otherUser,
      defaultRoleCodes: ['default.organization.admin'],
      roleCodes: ['basic.admin'],
    },
  },
  'members.setProfileRoles': {
    request: { profileId: ids.profile, userId: ids.otherUser, roleCodes: ['basic.admin'] },
    response: { profileId: ids.profile, userId: ids.otherUser, roleCodes: ['basic.admin'] },
  },
  'members.setMemberRoles': {
    request: {
      organizationId: ids.organization,
      userId: ids.otherUser,
      defaultRoleCodes: ['default.organization.member'],
      profileRoles: [{ profileId: ids.profile, roleCodes: ['basic.editor'] }],
    },
    response: {
      organizationId: ids.organization,
      userId: ids.otherUser,
      defaultRoleCodes: ['default.organization.member'],
      roleCodes: [],
      profileRoles: [{ profileId: ids.profile, roleCodes: ['basic.editor'] }],
    },
  },
  'members.remove': { request: { organizationId: ids.organization, userId: ids.otherUser } },
  'members.leave': { request: { organizationId: ids.organization } },
  'audit.list': {
    request: { organizationId: ids.organization, action: 'organization.member', limit: 25 },
    response: { items: [auditEvent], nextCursor: null, total: 1, totalIsEstimate: false },
  },
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
  'admin.preproduction.reset': {
    request: { password: 'temporary-password' },
    response: {
      users: 42,
      emailsRewritten: 41,
      sessionsRevoked: 57,
      refreshTokensRevoked: 12,
      apiKeysRevoked: 6,
      tfaMethodsRemoved: 9,
      recoveryCodesRemoved: 80,
      loginCodesRevoked: 2,
      passwordResetsRevoked: 1,
      invitationsRevoked: 3,
      mailHeld: 4,
      mailDelivery: 'outbox',
    },
  },
  'admin.users.search': {
    request: { email: 'example.com', limit: 25 },
    response: { items: [user], nextCursor: null, total: 1 },
  },
  'admin.users.tfa.list': { request: { userId: ids.user }, response: { items: [tfaMethod] } },
  'admin.users.tfa.remove': { request: { userId: ids.user, tfaId: ids.tfa } },
  'admin.organizations.create': {
    request: { name: 'Organization Name', taxId: '123456789', duns: '123456789' },
    response: { ...organization, address: null, createdAt: at },
  },
  'admin.organizations.update': {
    request: {
      _id: ids.organization,
      name: 'Updated Organization Name',
      taxId: '',
      status: 'archive',
      address: {},
    },
    response: {
      ...organization,
      name: 'Updated Organization Name',
      taxId: '',
      status: 'archive',
      address: null,
    },
  },
  'admin.organizations.list': {
    request: { search: 'Organization', status: 'active', limit: 25 },
    response: { items: [{ ...organization, profileCount: 1 }], nextCursor: null, total: 1 },
  },
  'admin.organizations.get': {
    request: { _id: ids.organization },
    response: {
      ...organization,
      profiles: [profile],
      members: [
        {
          _id: ids.user,
          email: 'user@example.com',
          firstName: 'First',
          lastName: 'Last',
          status: 'active',
          roles: ['default.organization.admin'],
        },
      ],
    },
  },
  'admin.profiles.create': {
    request: {
      name: 'Organization Profile Name',
      organizationId: ids.organization,
      taxId: '800162034',
      duns: '831003012',
      participantTypes: ['producer'],
      participantTags: [{ tag: 'nat_gas_producer' }],
    },
    response: {
      ...profile,
      participantTags: [{ tag: 'nat_gas_producer', measurers: [], verifiers: [] }],
      createdAt: at,
      organizationName: 'Organization Name',
    },
  },
  'admin.locations.create': {
    request: {
      profileId: ids.profile,
      name: 'Location Name',
      coordinates: { latitude: 31.972096, longitude: -83.76064 },
      address: { country: 'US' },
    },
    response: { ...location, type: null, basin: null, preferredSuppliers: [], ...locationNames },
  },
  'admin.locations.update': {
    request: {
      _id: ids.location,
      name: 'Updated Name',
      address: { country: 'US', state: 'NY' },
      status: 'active',
    },
    response: {
      ...location,
      name: 'Updated Name',
      address: { country: 'US', state: 'NY' },
      updatedAt: later,
      ...locationNames,
    },
  },
  'admin.locations.get': { request: { _id: ids.location }, response: { ...location, ...locationNames } },
  'admin.locations.list': {
    request: { q: 'location', status: 'active', limit: 25 },
    response: { items: [{ ...location, ...locationNames }], nextCursor: null },
  },
  'admin.profiles.update': {
    request: {
      _id: ids.profile,
      participantTags: [
        participantTag,
        { tag: 'nat_gas_transportation_producer' },
        { tag: 'nat_gas_buyer' },
        { tag: 'nat_gas_transportation_buyer' },
      ],
    },
    response: {
      ...profile,
      participantTags: [
        participantTag,
        ...['nat_gas_transportation_producer', 'nat_gas_buyer', 'nat_gas_transportation_buyer'].map(
          (tag) => ({
            tag,
            measurers: [],
            verifiers: [],
          }),
        ),
      ],
      organizationName: 'Organization Name',
    },
  },
  'admin.profiles.search': {
    request: { participantTags: [{ tag: 'nat_gas_producer' }], limit: 25 },
    response: { items: [{ ...profile, organizationName: 'Organization Name' }], nextCursor: null, total: 1 },
  },
  'admin.profiles.get': {
    request: { _id: ids.profile },
    response: { ...profile, organizationName: 'Organization Name' },
  },
  'admin.roles.list': {
    request: {},
    response: {
      items: [
        {
          code: 'default.organization.admin',
          name: 'Organization administrator',
          scopes: ['organization'],
          permissions: ['organization.read', 'members.read', 'members.write', 'audit.read'],
        },
      ],
      permissions: [
        { code: 'members.write', description: 'Invite members, change their roles, remove them' },
      ],
    },
  },
  'admin.participantTags.list': {
    request: {},
    response: {
      items: [
        {
          tag: 'nat_gas_producer',
          name: 'Natural gas producer',
          measurers: [{ identifier: 'project-canary', name: 'Project Canary', standardTypes: ['OGCI'] }],
          verifiers: [{ identifier: 'spirit', name: 'Spirit' }],
        },
      ],
      participantTypes: [{ code: 'producer', name: 'Producer' }],
      standardTypes: [{ code: 'OGCI', name: 'OGCI' }],
    },
  },
  'locations.import': {
    request: {
      profileId: ids.profile,
      csv: 'name,type,basin,isDirectConnection,preferredSuppliers,latitude,longitude,country,state,city,line1,postalCode,status\r\nWaha Hub,buying,Permian,true,Supplier A;Supplier B,31.2,-103.5,US,TX,Pecos,1 Main St,79772,active\r\n',
    },
    response: { imported: 1 },
  },
  'locations.export': {
    request: { profileId: ids.profile, status: 'active', basin: 'Permian' },
    response: {
      contentType: 'text/csv; charset=utf-8',
      filename: 'locations.csv',
      body: 'name,type,basin,isDirectConnection,preferredSuppliers,latitude,longitude,country,state,city,line1,postalCode,status,code,line2\r\nWaha Hub,buying,Permian,true,Supplier A;Supplier B,31.2,-103.5,US,TX,Pecos,1 Main St,79772,active,,\r\n',
    },
  },
  'admin.featureFlags.list': {
    request: {},
    response: {
      items: [
        {
          flag: 'GHGP',
          name: 'GHG Protocol reporting',
          description: 'Greenhouse Gas Protocol reporting: the Scope 3 report built from measured supply',
          modules: ['reports'],
        },
      ],
    },
  },
  'flags.set': {
    request: {
      profileId: ids.profile,
      flags: [
        { flag: 'GHGP', value: true },
        { flag: 'BOOK_AND_CLAIM', value: null },
      ],
    },
    response: { profileId: ids.profile, flags: { GHGP: true } },
  },
  'flags.get': {
    request: { profileId: ids.profile },
    response: { profileId: ids.profile, flags: { GHGP: true } },
  },
  'admin.audit.list': {
    request: { organizationId: ids.organization, from: '2026-05-01T00:00:00Z', limit: 25 },
    response: {
      items: [
        {
          ...auditEvent,
          organizationName: 'Organization Name',
          ip: '203.0.113.7',
          requestId: 'req_01HXYZ7K3M',
        },
      ],
      nextCursor: null,
      total: 1,
      totalIsEstimate: false,
    },
  },
  'admin.apiKeys.list': {
    request: { profileId: ids.profile },
    response: { items: [{ ...apiKey, scopes: ['admin'], permissions: ['admin.read', 'admin.write'] }] },
  },
  'admin.apiKeys.revoke': {
    request: { profileId: ids.profile, _id: ids.apiKey },
    response: { ...apiKey, revokedAt: later },
  },
  'reports.list': {
    request: { profileId: ids.profile, search: 'RS-2026', limit: 50 },
    response: { items: [report], nextCursor: null },
  },
  'reports.get': { request: { _id: ids.report }, response: report },
  'reports.renderLocations': {
    request: { profileId: ids.profile, status: 'active' },
    response: {
      ...report,
      template: 'locations',
      title: 'Locations of Organization Profile Name',
      statementNumber: 'LI-2026-000001',
      verificationHash: '7c4a8d09ca3762af61e59520943dc26494f8941b7c4a8d09ca3762af61e59520',
      pageCount: 1,
    },
  },
  'reports.pdf': {
    request: { id: ids.report },
    response: { contentType: 'application/pdf', filename: 'RS-2026-000001.pdf', body: '%PDF-1.7 …' },
  },
  'reports.verify': { request: { hash: reportHash }, response: { hash: reportHash, valid: true } },
  'admin.reports.templates': {
    response: {
      items: [
        {
          name: 'retirement',
          version: 1,
          title: 'Retirement statement',
          description: 'Certified natural gas attributes retired for a beneficiary.',
          jsonSchema: {
            $schema: 'https://json-schema.org/draft/2020-12/schema',
            type: 'object',
            required: [
              'profileId',
              'retiringOrganization',
              'beneficiary',
              'purpose',
              'reportingPeriod',
              'items',
            ],
          },
          example: retirementExample,
        },
      ],
    },
  },
  'admin.reports.render': { request: { template: 'retirement', data: retirementExample }, response: report },
  'admin.reports.list': {
    request: { search: 'Contoso', template: 'retirement', voided: false, limit: 25, withTotal: true },
    response: { items: [report], nextCursor: null, total: 1 },
  },
  'admin.reports.get': { request: { _id: ids.report }, response: report },
  'admin.reports.void': {
    request: { _id: ids.report, reason: 'Issued to the wrong beneficiary' },
    response: {
      ...report,
      voided: true,
      voidedAt: later,
      voidReason: 'Issued to the wrong beneficiary',
      voidedBy: { _id: ids.user, name: 'First Last' },
    },
  },
};
