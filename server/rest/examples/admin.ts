import 'server-only';
import {
  apiKey,
  at,
  auditEvent,
  ids,
  later,
  location,
  locationNames,
  type OperationExample,
  organization,
  participantTag,
  profile,
  report,
  retirementExample,
} from './fixtures';

/** The admin console's REST examples: organizations, profiles, catalogs, keys, locations, reports, preproduction (see server/rest/examples.ts). */
export const adminExamples: Readonly<Record<string, OperationExample>> = {
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
