import type { TwoTenants } from './fixtures';

/**
 * The isolation matrix: every organization-scoped procedure, called by tenant A's administrator
 * (who holds every organization permission in A) with tenant B's ids, or with A's ids mixed with
 * a person of B. Each must be refused with 403 or 404 and change nothing.
 */
export type Attack = {
  procedure: string;
  what: string;
  input: (t: TwoTenants) => Record<string, unknown>;
  /** an x-active-organization-id to send */
  activeOrganization?: (t: TwoTenants) => string;
};

export const attacks: Attack[] = [
  { procedure: 'profiles.get', what: "B's profile", input: (t) => ({ profileId: t.b.profile.id }) },
  {
    procedure: 'profiles.update',
    what: "B's profile",
    input: (t) => ({ _id: t.b.profile.id, name: 'Taken over' }),
  },
  {
    procedure: 'organizationUsers.list',
    what: "B's members",
    input: (t) => ({ organizationId: t.b.organization.id }),
  },
  {
    procedure: 'organizationUsers.invite',
    what: 'into B',
    input: (t) => ({
      organizationId: t.b.organization.id,
      email: 'intruder@example.com',
      firstName: 'I',
      lastName: 'N',
    }),
  },
  {
    procedure: 'organizationUsers.resendInvitation',
    what: "B's invitation",
    input: (t) => ({ organizationId: t.b.organization.id, userId: t.bInvitee.id }),
  },
  {
    procedure: 'organizationUsers.resendInvitation',
    what: "B's invitee through A",
    input: (t) => ({ organizationId: t.a.organization.id, userId: t.bInvitee.id }),
  },
  {
    procedure: 'organizationUsers.cancelInvitation',
    what: "B's invitation",
    input: (t) => ({ organizationId: t.b.organization.id, userId: t.bInvitee.id }),
  },
  {
    procedure: 'organizationUsers.cancelInvitation',
    what: "B's invitee through A",
    input: (t) => ({ organizationId: t.a.organization.id, userId: t.bInvitee.id }),
  },
  {
    procedure: 'organizationUsers.setRoles',
    what: "B's member in B",
    input: (t) => ({
      organizationId: t.b.organization.id,
      userId: t.b.member.id,
      defaultRoleCodes: ['default.organization.admin'],
      roleCodes: ['basic.admin'],
    }),
  },
  {
    procedure: 'organizationUsers.setRoles',
    what: "B's member through A",
    input: (t) => ({
      organizationId: t.a.organization.id,
      userId: t.b.member.id,
      defaultRoleCodes: ['default.organization.admin'],
      roleCodes: [],
    }),
  },
  {
    procedure: 'organizationUsers.setRoles',
    what: 'themself into B',
    input: (t) => ({
      organizationId: t.b.organization.id,
      userId: t.a.admin.id,
      defaultRoleCodes: ['default.organization.admin'],
    }),
  },
  {
    procedure: 'organizationUsers.setProfileRoles',
    what: "B's profile",
    input: (t) => ({ profileId: t.b.profile.id, userId: t.a.admin.id, roleCodes: ['basic.admin'] }),
  },
  {
    procedure: 'organizationUsers.setProfileRoles',
    what: "A's profile for B's member",
    input: (t) => ({ profileId: t.a.profile.id, userId: t.b.member.id, roleCodes: ['basic.admin'] }),
  },
  {
    procedure: 'organizationUsers.remove',
    what: "B's member",
    input: (t) => ({ organizationId: t.b.organization.id, userId: t.b.member.id }),
  },
  {
    procedure: 'organizationUsers.remove',
    what: "B's admin through A",
    input: (t) => ({ organizationId: t.a.organization.id, userId: t.b.admin.id }),
  },
  {
    procedure: 'organizationUsers.leave',
    what: 'B (not a member)',
    input: (t) => ({ organizationId: t.b.organization.id }),
  },
  {
    procedure: 'invitations.acceptMine',
    what: "B's invitee's invitation",
    input: (t) => ({ organizationId: t.b.organization.id }),
  },
  {
    procedure: 'invitations.decline',
    what: "B's invitee's invitation",
    input: (t) => ({ organizationId: t.b.organization.id }),
  },
  {
    procedure: 'auditEvents.list',
    what: "B's audit log",
    input: (t) => ({ organizationId: t.b.organization.id }),
  },
  {
    procedure: 'auth.me',
    what: 'B as the active organization',
    input: () => ({}),
    activeOrganization: (t) => t.b.organization.id,
  },
];

/** Procedures that act on no tenant's records (identity, public invitations) or list only the caller's own. */
export const tenantFree = new Set([
  'auth.login',
  'auth.initiateLogin',
  'auth.logout',
  'auth.refresh',
  'auth.changePassword',
  'auth.requestPasswordReset',
  'auth.completePasswordReset',
  'auth.sessions.list',
  'auth.sessions.revoke',
  'auth.tfa.list',
  'auth.tfa.create',
  'auth.tfa.activate',
  'auth.tfa.disable',
  'auth.tfa.remove',
  'invitations.preview',
  'invitations.accept',
  'invitations.listMine',
  'organizations.list',
]);
