import type { AuditTable } from '@/server/modules/catalog';

/**
 * The auth module's audit actions and their wording (the admin console's log and filter). None has
 * a phrase: sign-ins and sessions are the platform's record, not shown in an organization's activity.
 * admin.bootstrap is recorded here, by the first administrator's creation at start.
 */
export const authAudit = {
  actions: {
    'auth.login': { label: 'Signed in' },
    'auth.login.failed': { label: 'Sign-in failed' },
    'auth.login.throttled': { label: 'Sign-in throttled' },
    'auth.logout': { label: 'Signed out' },
    'auth.session.revoked': { label: 'Ended one of their sessions' },
    'auth.sessions.revoked_others': { label: 'Signed out all their other sessions' },
    'auth.profile.updated': { label: 'Changed their name' },
    'auth.refresh.reused': { label: 'Reused a refresh token (the session was ended)' },
    'auth.password.changed': { label: 'Changed their password' },
    'auth.password.reset.requested': { label: 'Asked for a password reset' },
    'auth.password.reset.completed': { label: 'Reset their password' },
    'auth.tfa.created': { label: 'Added a two-factor method' },
    'auth.tfa.activated': { label: 'Activated a two-factor method' },
    'auth.tfa.disabled': { label: 'Disabled a two-factor method' },
    'auth.tfa.removed': { label: 'Removed a two-factor method' },
    'auth.recovery_code.used': { label: 'Signed in with a recovery code' },
    'auth.recovery_codes.regenerated': { label: 'Replaced their recovery codes' },
    'admin.bootstrap': { label: 'Created the first platform administrator' },
  },
} as const satisfies AuditTable;
