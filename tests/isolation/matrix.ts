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
    procedure: 'members.list',
    what: "B's members",
    input: (t) => ({ organizationId: t.b.organization.id }),
  },
  {
    procedure: 'members.invite',
    what: 'into B',
    input: (t) => ({
      organizationId: t.b.organization.id,
      email: 'intruder@example.com',
      firstName: 'I',
      lastName: 'N',
    }),
  },
  {
    procedure: 'members.resendInvitation',
    what: "B's invitation",
    input: (t) => ({ organizationId: t.b.organization.id, userId: t.bInvitee.id }),
  },
  {
    procedure: 'members.resendInvitation',
    what: "B's invitee through A",
    input: (t) => ({ organizationId: t.a.organization.id, userId: t.bInvitee.id }),
  },
  {
    procedure: 'members.cancelInvitation',
    what: "B's invitation",
    input: (t) => ({ organizationId: t.b.organization.id, userId: t.bInvitee.id }),
  },
  {
    procedure: 'members.cancelInvitation',
    what: "B's invitee through A",
    input: (t) => ({ organizationId: t.a.organization.id, userId: t.bInvitee.id }),
  },
  {
    procedure: 'members.setRoles',
    what: "B's member in B",
    input: (t) => ({
      organizationId: t.b.organization.id,
      userId: t.b.member.id,
      defaultRoleCodes: ['default.organization.admin'],
      roleCodes: ['basic.admin'],
    }),
  },
  {
    procedure: 'members.setRoles',
    what: "B's member through A",
    input: (t) => ({
      organizationId: t.a.organization.id,
      userId: t.b.member.id,
      defaultRoleCodes: ['default.organization.admin'],
      roleCodes: [],
    }),
  },
  {
    procedure: 'members.setRoles',
    what: 'themself into B',
    input: (t) => ({
      organizationId: t.b.organization.id,
      userId: t.a.admin.id,
      defaultRoleCodes: ['default.organization.admin'],
    }),
  },
  {
    procedure: 'members.setProfileRoles',
    what: "B's profile",
    input: (t) => ({ profileId: t.b.profile.id, userId: t.a.admin.id, roleCodes: ['basic.admin'] }),
  },
  {
    procedure: 'members.setProfileRoles',
    what: "A's profile for B's member",
    input: (t) => ({ profileId: t.a.profile.id, userId: t.b.member.id, roleCodes: ['basic.admin'] }),
  },
  {
    procedure: 'members.remove',
    what: "B's member",
    input: (t) => ({ organizationId: t.b.organization.id, userId: t.b.member.id }),
  },
  {
    procedure: 'members.remove',
    what: "B's admin through A",
    input: (t) => ({ organizationId: t.a.organization.id, userId: t.b.admin.id }),
  },
  {
    procedure: 'members.leave',
    what: 'B (not a member)',
    input: (t) => ({ organizationId: t.b.organization.id }),
  },
  {
    procedure: 'members.invitations.acceptMine',
    what: "B's invitee's invitation",
    input: (t) => ({ organizationId: t.b.organization.id }),
  },
  {
    procedure: 'members.invitations.decline',
    what: "B's invitee's invitation",
    input: (t) => ({ organizationId: t.b.organization.id }),
  },
  {
    procedure: 'audit.list',
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
  'members.invitations.preview',
  'members.invitations.accept',
  'members.invitations.listMine',
  'organizations.list',
]);
