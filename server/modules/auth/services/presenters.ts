import 'server-only';
import type { sessions, tfaMethods, users } from '@/db/schema';

type UserRow = typeof users.$inferSelect;
type TfaRow = typeof tfaMethods.$inferSelect;
type SessionRow = typeof sessions.$inferSelect;

/** The fields of a user that leave the server; never the hash. */
export const presentUser = (u: UserRow) => ({
  _id: u.id,
  email: u.email,
  firstName: u.firstName,
  lastName: u.lastName,
  status: u.status,
  passwordChangeRequired: u.passwordChangeRequired,
  lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  createdAt: u.createdAt.toISOString(),
  updatedAt: u.updatedAt.toISOString(),
});

/** A TFA method without its secret. */
export const presentTfaMethod = (m: TfaRow) => ({
  _id: m.id,
  type: m.type,
  status: m.status,
  createdAt: m.createdAt.toISOString(),
  activatedAt: m.activatedAt?.toISOString() ?? null,
});

export const presentSession = (s: SessionRow, currentSessionId?: string) => ({
  _id: s.id,
  channel: s.channel,
  device: s.userAgent ?? null,
  ip: s.ip ?? null,
  createdAt: s.createdAt.toISOString(),
  lastSeenAt: s.lastSeenAt.toISOString(),
  current: s.id === currentSessionId,
});
