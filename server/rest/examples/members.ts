import 'server-only';
import { at, ids, later, member, type OperationExample, token } from './fixtures';

/** The members module's REST examples (see server/rest/examples.ts). */
export const membersExamples: Readonly<Record<string, OperationExample>> = {
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
};
