import type { RestRoute } from './routes';

const row = (
  path: string,
  procedure: string,
  summary: string,
  status: RestRoute['status'] = 200,
  auth: RestRoute['auth'] = 'admin',
): RestRoute => ({
  method: 'POST',
  path: `/admin${path}`,
  procedure: `admin.${procedure}`,
  auth,
  status,
  tag: 'Admin',
  summary,
});

/** REST #25-#40, #42 (roles and participant tags) and the admin audit log: internal staff only. */
export const adminRoutes: readonly RestRoute[] = [
  row('/users/create', 'users.create', 'Create a user with a temporary password and role links', 201),
  row('/users/update', 'users.update', 'Update a user (name, email, status)'),
  row('/users/role-links/add', 'users.addRoleLinks', "Add role links; returns the user's role links"),
  row(
    '/users/role-links/remove',
    'users.removeRoleLinks',
    "Remove role links; returns the user's role links",
  ),
  row('/users/password', 'users.setPassword', "Set a user's temporary password; their sessions end", 204),
  row('/users/get', 'users.get', 'A user with role links, TFA methods (no secrets), memberships, last login'),
  row('/users/sessions/revoke', 'users.revokeSessions', "End all of a user's sessions", 204),
  row('/users/search', 'users.search', 'Search users by part of their email, any case'),
  row('/users/tfa/list', 'users.tfa.list', "List a user's TFA methods"),
  row('/users/tfa/remove', 'users.tfa.remove', "Remove a user's TFA method", 204),
  row('/organizations/create', 'organizations.create', 'Create an organization', 201),
  row(
    '/organizations/update',
    'organizations.update',
    'Update or archive an organization ("" clears a field)',
  ),
  row('/organizations/list', 'organizations.list', 'List organizations (search by name, status)'),
  row('/organizations/get', 'organizations.get', 'An organization with its profiles and members'),
  row(
    '/organization-profiles/create',
    'profiles.create',
    'Create an organization profile (a platform admin, or an API key with the admin scope)',
    201,
    'adminOrClient',
  ),
  row(
    '/organization-profiles/update',
    'profiles.update',
    'Update a profile: participant tags with measurers and verifiers',
  ),
  row('/organization-profiles/search', 'profiles.search', 'Profiles holding every listed participant tag'),
  row('/organization-profiles/get', 'profiles.get', 'An organization profile'),
  row('/roles/list', 'roles.list', 'Role codes with their scopes and permissions'),
  row(
    '/participant-tags/list',
    'participantTags.list',
    'Participant tags with allowed measurers, verifiers, standard types',
  ),
  row('/audit-events/list', 'auditEvents.list', 'The audit log (filter by user, organization, action, date)'),
];
