import type { AuditTable } from '@/server/modules/catalog';

/**
 * The admin module's audit actions (the platform console acting on users), worded for the console;
 * an organization's activity names them by their label.
 */
export const adminAudit = {
  actions: {
    'admin.user.created': { label: 'Created a user' },
    'admin.user.password_link.sent': { label: 'Emailed a user a link to set a password' },
    'admin.user.updated': { label: 'Changed a user' },
    'admin.user.role_links.added': { label: 'Granted roles to a user' },
    'admin.user.role_links.removed': { label: "Withdrew a user's roles" },
    'admin.user.password.set': { label: "Set a user's password" },
    'admin.user.sessions.revoked': { label: "Ended a user's sessions" },
    'admin.user.tfa.removed': { label: "Removed a user's two-factor method" },
    'preproduction.reset': { label: 'Reset the preproduction copy' },
  },
} as const satisfies AuditTable;
