import {
  isPlatformPermission,
  isReadPermission,
  type Permission,
  permissionsOf,
} from '@/server/core/access/catalog';
import type { Access } from '@/server/core/meta';
import { locationCsvColumns } from '@/server/modules/locations/schemas';
import { proceduresOf, type RestProcedure } from '@/server/rest/procedures';
import { appRouter } from '@/server/routers';
import type { TwoTenants } from './fixtures';

/**
 * The isolation matrix, generated from the procedures' meta. A procedure whose permission is a
 * tenant permission (not public/session/self, not admin.*) must have a spec here; the attacks
 * and their expected statuses are derived from the spec, the permission and the role catalog:
 *
 * - a record of another tenant is 404, exactly like a missing one;
 * - a record the attacker can see (their own organization, or anything for platform support)
 *   without the permission is 403;
 * - an API key on a user-only procedure is 403 whatever the record (refused before any lookup).
 */
export const procedures = proceduresOf(appRouter);

export const isTenantPermission = (access: Access | undefined): access is Permission =>
  access !== undefined &&
  access !== 'public' &&
  access !== 'session' &&
  access !== 'self' &&
  !isPlatformPermission(access);

export const tenantProcedures = procedures.filter((p) => isTenantPermission(p.meta?.permission));
export const adminProcedures = procedures.filter((p) => {
  const access = p.meta?.permission;
  return access !== undefined && isPlatformAccess(access);
});
function isPlatformAccess(access: Access) {
  return access !== 'public' && access !== 'session' && access !== 'self' && isPlatformPermission(access);
}

type Input = (t: TwoTenants) => Record<string, unknown>;

type Spec = Readonly<{
  /** names B's records: for A's admin (404), platform support (403 on writes) and B's API key */
  inB: Input;
  /** further inputs for A's admin mixing A's organization with B's people (404: the person is missing in A) */
  mixed?: readonly { what: string; input: Input }[];
  /** names A's own records, valid but for the permission: for A's member and the profile-role user */
  inA: Input;
  /** profile-keyed procedures: the same on A's sibling profile P2, for the basic.admin-on-P1 user */
  onSibling?: Input;
}>;

const invitee = (organizationId: string) => ({
  organizationId,
  email: 'intruder@example.com',
  firstName: 'I',
  lastName: 'N',
});

const newLocation = (profileId: string) => ({
  profileId,
  name: 'Intruder Point',
  address: { country: 'US' },
});

/** A location CSV of one valid row (REST #49's import and the browser's job). */
const intruderCsv = `${locationCsvColumns.join(',')}\r\nIntruder Point,,,,,,,US,,,,,\r\n`;

/**
 * A key id for revoke/rotate: the profile is checked before the key, so every refusal the matrix
 * expects comes from the profile (a key of B named through A is tests/api-keys' API_KEY_NOT_FOUND).
 */
const UNKNOWN_KEY = '0190a4f2-0000-7000-8000-0000000000aa';

/** One spec per tenant procedure; a tenant procedure without one fails the coverage test by name. */
export const specs: Record<string, Spec> = {
  'apiKeys.create': {
    inB: (t) => ({ profileId: t.b.profile.id }),
    inA: (t) => ({ profileId: t.a.profile.id }),
    onSibling: (t) => ({ profileId: t.aSibling.id }),
  },
  'apiKeys.list': {
    inB: (t) => ({ profileId: t.b.profile.id }),
    inA: (t) => ({ profileId: t.a.profile.id }),
    onSibling: (t) => ({ profileId: t.aSibling.id }),
  },
  'apiKeys.revoke': {
    inB: (t) => ({ profileId: t.b.profile.id, _id: UNKNOWN_KEY }),
    inA: (t) => ({ profileId: t.a.profile.id, _id: UNKNOWN_KEY }),
    onSibling: (t) => ({ profileId: t.aSibling.id, _id: UNKNOWN_KEY }),
  },
  'apiKeys.rotate': {
    inB: (t) => ({ profileId: t.b.profile.id, _id: UNKNOWN_KEY }),
    inA: (t) => ({ profileId: t.a.profile.id, _id: UNKNOWN_KEY }),
    onSibling: (t) => ({ profileId: t.aSibling.id, _id: UNKNOWN_KEY }),
  },
  'profiles.get': {
    inB: (t) => ({ profileId: t.b.profile.id }),
    inA: (t) => ({ profileId: t.a.profile.id }),
    onSibling: (t) => ({ profileId: t.aSibling.id }),
  },
  'profiles.update': {
    inB: (t) => ({ _id: t.b.profile.id, name: 'Taken over' }),
    inA: (t) => ({ _id: t.a.profile.id, name: 'Taken over' }),
    onSibling: (t) => ({ _id: t.aSibling.id, name: 'Taken over' }),
  },
  'members.list': {
    inB: (t) => ({ organizationId: t.b.organization.id }),
    inA: (t) => ({ organizationId: t.a.organization.id }),
  },
  'members.invite': {
    inB: (t) => invitee(t.b.organization.id),
    inA: (t) => invitee(t.a.organization.id),
  },
  'members.resendInvitation': {
    inB: (t) => ({ organizationId: t.b.organization.id, userId: t.bInvitee.id }),
    mixed: [
      {
        what: "B's invitee through A",
        input: (t) => ({ organizationId: t.a.organization.id, userId: t.bInvitee.id }),
      },
    ],
    inA: (t) => ({ organizationId: t.a.organization.id, userId: t.aInvitee.id }),
  },
  'members.cancelInvitation': {
    inB: (t) => ({ organizationId: t.b.organization.id, userId: t.bInvitee.id }),
    mixed: [
      {
        what: "B's invitee through A",
        input: (t) => ({ organizationId: t.a.organization.id, userId: t.bInvitee.id }),
      },
    ],
    inA: (t) => ({ organizationId: t.a.organization.id, userId: t.aInvitee.id }),
  },
  'members.setRoles': {
    inB: (t) => ({
      organizationId: t.b.organization.id,
      userId: t.b.member.id,
      defaultRoleCodes: ['default.organization.admin'],
      roleCodes: ['basic.admin'],
    }),
    mixed: [
      {
        what: "B's member through A",
        input: (t) => ({
          organizationId: t.a.organization.id,
          userId: t.b.member.id,
          defaultRoleCodes: ['default.organization.admin'],
          roleCodes: [],
        }),
      },
      {
        what: 'themself into B',
        input: (t) => ({
          organizationId: t.b.organization.id,
          userId: t.a.admin.id,
          defaultRoleCodes: ['default.organization.admin'],
        }),
      },
    ],
    inA: (t) => ({
      organizationId: t.a.organization.id,
      userId: t.a.member.id,
      defaultRoleCodes: ['default.organization.admin'],
      roleCodes: [],
    }),
  },
  'members.setProfileRoles': {
    inB: (t) => ({ profileId: t.b.profile.id, userId: t.b.member.id, roleCodes: ['basic.admin'] }),
    mixed: [
      {
        what: "B's profile for themself",
        input: (t) => ({ profileId: t.b.profile.id, userId: t.a.admin.id, roleCodes: ['basic.admin'] }),
      },
      {
        what: "A's profile for B's member",
        input: (t) => ({ profileId: t.a.profile.id, userId: t.b.member.id, roleCodes: ['basic.admin'] }),
      },
    ],
    inA: (t) => ({ profileId: t.a.profile.id, userId: t.a.member.id, roleCodes: ['basic.admin'] }),
    onSibling: (t) => ({ profileId: t.aSibling.id, userId: t.profileAdmin.id, roleCodes: ['basic.admin'] }),
  },
  'members.setMemberRoles': {
    inB: (t) => ({
      organizationId: t.b.organization.id,
      userId: t.b.member.id,
      defaultRoleCodes: ['default.organization.admin'],
      profileRoles: [{ profileId: t.b.profile.id, roleCodes: ['basic.admin'] }],
    }),
    mixed: [
      {
        what: "B's member through A",
        input: (t) => ({
          organizationId: t.a.organization.id,
          userId: t.b.member.id,
          defaultRoleCodes: ['default.organization.admin'],
        }),
      },
      {
        what: "B's profile through A for A's member",
        input: (t) => ({
          organizationId: t.a.organization.id,
          userId: t.a.member.id,
          profileRoles: [{ profileId: t.b.profile.id, roleCodes: ['basic.admin'] }],
        }),
      },
      {
        what: 'themself into B',
        input: (t) => ({
          organizationId: t.b.organization.id,
          userId: t.a.admin.id,
          defaultRoleCodes: ['default.organization.admin'],
        }),
      },
    ],
    inA: (t) => ({
      organizationId: t.a.organization.id,
      userId: t.a.member.id,
      defaultRoleCodes: ['default.organization.admin'],
      profileRoles: [{ profileId: t.a.profile.id, roleCodes: ['basic.admin'] }],
    }),
  },
  'members.remove': {
    inB: (t) => ({ organizationId: t.b.organization.id, userId: t.b.member.id }),
    mixed: [
      {
        what: "B's admin through A",
        input: (t) => ({ organizationId: t.a.organization.id, userId: t.b.admin.id }),
      },
    ],
    inA: (t) => ({ organizationId: t.a.organization.id, userId: t.a.admin.id }),
  },
  'audit.list': {
    inB: (t) => ({ organizationId: t.b.organization.id }),
    inA: (t) => ({ organizationId: t.a.organization.id }),
  },
  'locations.create': {
    inB: (t) => newLocation(t.b.profile.id),
    inA: (t) => newLocation(t.a.profile.id),
    onSibling: (t) => newLocation(t.aSibling.id),
  },
  'locations.update': {
    inB: (t) => ({ _id: t.locations.b.id, name: 'Taken over' }),
    inA: (t) => ({ _id: t.locations.a.id, name: 'Taken over' }),
    onSibling: (t) => ({ _id: t.locations.aSibling.id, name: 'Taken over' }),
  },
  'locations.get': {
    inB: (t) => ({ _id: t.locations.b.id }),
    inA: (t) => ({ _id: t.locations.a.id }),
    onSibling: (t) => ({ _id: t.locations.aSibling.id }),
  },
  'locations.list': {
    inB: (t) => ({ profileId: t.b.profile.id }),
    inA: (t) => ({ profileId: t.a.profile.id }),
    onSibling: (t) => ({ profileId: t.aSibling.id }),
  },
  'flags.get': {
    inB: (t) => ({ profileId: t.b.profile.id }),
    inA: (t) => ({ profileId: t.a.profile.id }),
    onSibling: (t) => ({ profileId: t.aSibling.id }),
  },
  // ids of another profile under one's own profile are not touched (tests/locations/list.test.ts)
  'locations.setStatus': {
    inB: (t) => ({ profileId: t.b.profile.id, ids: [t.locations.b.id], status: 'archive' }),
    inA: (t) => ({ profileId: t.a.profile.id, ids: [t.locations.a.id], status: 'archive' }),
    onSibling: (t) => ({ profileId: t.aSibling.id, ids: [t.locations.aSibling.id], status: 'archive' }),
  },
  'locations.points': {
    inB: (t) => ({ profileId: t.b.profile.id }),
    inA: (t) => ({ profileId: t.a.profile.id }),
    onSibling: (t) => ({ profileId: t.aSibling.id }),
  },
  'locations.import': {
    inB: (t) => ({ profileId: t.b.profile.id, csv: intruderCsv }),
    inA: (t) => ({ profileId: t.a.profile.id, csv: intruderCsv }),
    onSibling: (t) => ({ profileId: t.aSibling.id, csv: intruderCsv }),
  },
  'locations.export': {
    inB: (t) => ({ profileId: t.b.profile.id }),
    inA: (t) => ({ profileId: t.a.profile.id }),
    onSibling: (t) => ({ profileId: t.aSibling.id }),
  },
  'locations.importStart': {
    inB: (t) => ({ profileId: t.b.profile.id, csv: intruderCsv }),
    inA: (t) => ({ profileId: t.a.profile.id, csv: intruderCsv }),
    onSibling: (t) => ({ profileId: t.aSibling.id, csv: intruderCsv }),
  },
  // an import of another profile under one's own profile is 404 too (tests/locations/bulk-job.test.ts)
  'locations.importStatus': {
    inB: (t) => ({ profileId: t.b.profile.id, _id: t.imports.b.id }),
    inA: (t) => ({ profileId: t.a.profile.id, _id: t.imports.a.id }),
    onSibling: (t) => ({ profileId: t.aSibling.id, _id: t.imports.aSibling.id }),
  },
  'locations.importErrors': {
    inB: (t) => ({ profileId: t.b.profile.id, _id: t.imports.b.id }),
    inA: (t) => ({ profileId: t.a.profile.id, _id: t.imports.a.id }),
    onSibling: (t) => ({ profileId: t.aSibling.id, _id: t.imports.aSibling.id }),
  },
  'reports.list': {
    inB: (t) => ({ profileId: t.b.profile.id }),
    inA: (t) => ({ profileId: t.a.profile.id }),
    onSibling: (t) => ({ profileId: t.aSibling.id }),
  },
  'reports.get': {
    inB: (t) => ({ _id: t.reports.b.id }),
    inA: (t) => ({ _id: t.reports.a.id }),
    onSibling: (t) => ({ _id: t.reports.aSibling.id }),
  },
  'reports.pdf': {
    inB: (t) => ({ id: t.reports.b.id }),
    inA: (t) => ({ id: t.reports.a.id }),
    onSibling: (t) => ({ id: t.reports.aSibling.id }),
  },
  'reports.renderLocations': {
    inB: (t) => ({ profileId: t.b.profile.id }),
    inA: (t) => ({ profileId: t.a.profile.id }),
    onSibling: (t) => ({ profileId: t.aSibling.id }),
  },
  'flags.set': {
    inB: (t) => ({ profileId: t.b.profile.id, flags: [{ flag: 'GHGP', value: true }] }),
    inA: (t) => ({ profileId: t.a.profile.id, flags: [{ flag: 'GHGP', value: true }] }),
    onSibling: (t) => ({ profileId: t.aSibling.id, flags: [{ flag: 'GHGP', value: true }] }),
  },
};

/**
 * `self` procedures that name an organization: tenant-free by declaration (they act on the
 * caller's own membership), attacked anyway with B's organization where A's admin has none.
 */
export const selfWithOrganization: Record<string, Input> = {
  'members.leave': (t) => ({ organizationId: t.b.organization.id }),
  'members.invitations.acceptMine': (t) => ({ organizationId: t.b.organization.id }),
  'members.invitations.decline': (t) => ({ organizationId: t.b.organization.id }),
};

export type AttackerKind = 'foreignAdmin' | 'member' | 'profileRole' | 'support' | 'apiKey';

export type Case = Readonly<{
  procedure: RestProcedure;
  attacker: AttackerKind;
  what: string;
  input: Input;
  /** the status asserted */
  expected: 403 | 404;
  /** set where the server answers something else than the rule: the status it should answer, and why */
  /** the key principal to use for `apiKey` cases */
  key?: (t: TwoTenants) => TwoTenants['bKey'];
}>;

/** What a plain member (default.organization.member) holds in A. */
const memberHolds = permissionsOf(['default.organization.member']);
/** What the basic.admin-on-P1 user holds on P2 and on A itself: nothing (an active member with no org role). */
const profileRoleHoldsElsewhere = permissionsOf([]);

const userOnly = (p: RestProcedure) => p.meta?.rest?.auth !== 'user_or_client';

export function casesOf(procedure: RestProcedure): Case[] {
  const spec = specs[procedure.path];
  const permission = procedure.meta?.permission;
  if (!spec || !isTenantPermission(permission)) return [];
  const cases: Case[] = [
    { procedure, attacker: 'foreignAdmin', what: "B's records", input: spec.inB, expected: 404 },
    ...(spec.mixed ?? []).map(
      (m) => ({ procedure, attacker: 'foreignAdmin', what: m.what, input: m.input, expected: 404 }) as const,
    ),
  ];
  if (!memberHolds.has(permission))
    cases.push({ procedure, attacker: 'member', what: "A's own records", input: spec.inA, expected: 403 });
  if (!profileRoleHoldsElsewhere.has(permission))
    cases.push(
      spec.onSibling
        ? {
            procedure,
            attacker: 'profileRole',
            what: 'sibling profile P2',
            input: spec.onSibling,
            // P2 is invisible to a user holding only basic.admin on P1 (organizations.list and me
            // do not show it), so it must look missing, not forbidden.
            expected: 404,
          }
        : { procedure, attacker: 'profileRole', what: "A's organization", input: spec.inA, expected: 403 },
    );
  if (!isReadPermission(permission))
    cases.push({ procedure, attacker: 'support', what: "B's records", input: spec.inB, expected: 403 });
  cases.push(
    {
      procedure,
      attacker: 'apiKey',
      what: "B's key on A's records",
      input: spec.inA,
      expected: userOnly(procedure) ? 403 : 404,
      key: (t) => t.bKey,
    },
    {
      procedure,
      attacker: 'apiKey',
      what: "P2's key on P1 / A's records",
      input: spec.inA,
      // a key of P2 reaches A's own organization record, so organization-keyed procedures are 403
      // on scope or user-only grounds; P1 looks missing to it
      expected: userOnly(procedure) ? 403 : spec.onSibling ? 404 : 403,
      key: (t) => t.siblingKey,
    },
  );
  return cases;
}

export const cases = tenantProcedures.flatMap(casesOf);
