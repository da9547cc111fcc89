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

export const ids = {
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
export const at = '2026-05-04T09:30:00.000Z';
export const later = '2026-05-11T09:30:00.000Z';
export const accessToken = 'eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwMTk3YTFiMiJ9.c2lnbmF0dXJl';
export const refreshToken = 'rt_3q2-7wHrOQ0e1mY5pZ8xk9V4cJbL6nTa';
export const deviceToken = 'dt_Yk2c9PqR4wX7mN1bV6zL3sH8jD5fG0aE';
export const token = 'inv_9fJk2LmQ4rT7vX1zB5nC8wE3yH6pS0dA';

export const clientId = 'pvk_Q2xpZW50SWRFeGFtcGxl';
export const apiKeySecret = {
  _id: ids.apiKey,
  clientId,
  clientKey: 'ck_example_R4nd0mBase64UrlKeyOf32BytesXyZ0123456',
  profileId: ids.profile,
  name: 'API key',
  scopes: ['profiles:read', 'locations:read', 'locations:write'],
  expiresAt: null,
  createdAt: at,
};
export const apiKey = {
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

export const user = {
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
export const tokenPair = {
  accessToken,
  refreshToken,
  accessTokenExpiresAt: '2026-05-04T09:45:00.000Z',
  refreshTokenExpiresAt: '2026-06-03T09:30:00.000Z',
};
export const participantTag = {
  tag: 'nat_gas_producer',
  measurers: [
    { identifier: 'mock-server', standardTypes: ['OGCI', 'NGSI'] },
    { identifier: 'project-canary', standardTypes: ['OGCI'] },
  ],
  verifiers: [{ identifier: 'demo_verifier' }, { identifier: 'spirit' }],
};
export const profile = {
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
export const organization = {
  _id: ids.organization,
  name: 'Organization Name',
  taxId: '123456789',
  duns: '123456789',
  address: { country: 'US', state: 'TX', city: 'Houston' },
  status: 'active',
  createdAt: '2026-04-02T09:00:00.000Z',
  updatedAt: at,
};
export const profilePermissions = ['profiles.read', 'profiles.write'];
export const myOrganization = {
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
export const member = {
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
export const tfaMethod = {
  _id: ids.tfa,
  type: 'totp',
  status: 'active',
  createdAt: '2026-04-20T12:00:00.000Z',
  activatedAt: '2026-04-20T12:01:00.000Z',
};
export const roleLink = {
  _id: ids.roleLink,
  roleCode: 'default.organization.admin',
  entityType: 'organization',
  entityId: ids.organization,
  entityName: 'Organization Name',
  createdAt: at,
};
export const auditEvent = {
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
export const location = {
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
export const seedLocationBody = {
  profileId: ids.profile,
  name: 'Location Name',
  type: 'buying',
  basin: 'Permian',
  isDirectConnection: false,
  preferredSuppliers: ['Antero'],
  coordinates: { latitude: 31.972096, longitude: -83.76064 },
  address: { country: 'US' },
};
export const seedLocationUpdate = {
  _id: ids.location,
  basin: 'Permian',
  isDirectConnection: true,
  preferredSuppliers: ['QB'],
  name: 'Updated Location',
  address: { country: 'US', state: 'NY' },
  status: 'active',
};
export const updatedLocation = {
  ...location,
  name: 'Updated Location',
  isDirectConnection: true,
  preferredSuppliers: ['QB'],
  address: { country: 'US', state: 'NY' },
  updatedAt: later,
};
export const locationNames = {
  organizationName: 'Organization Name',
  profileName: 'Organization Profile Name',
};
export const reportHash = '5d41402abc4b2a76b9719d911017c592e2a6f0b4c9c1d5f0a3e8b7c6d5e4f3a2';
export const report = {
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
export const retirementExample = {
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
export const recoveryCodes = Array.from(
  { length: 10 },
  (_, i) => `k3v9-${String(1000 + i * 137).slice(-4)}-q7xm`,
);
