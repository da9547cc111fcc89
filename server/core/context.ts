import 'server-only';
import type { Db } from '@/db/client';
import type { ParticipantTagEntry } from '@/db/schema';
import type { Permission } from './access/catalog';
import type { Runtime } from './runtime';

/** What a service knows of the request that reached it; never HTTP objects. */
export type RequestMeta = { ip: string; userAgent?: string; requestId: string };

/**
 * A membership as the database returns it: the roles held there, every active profile with its
 * roles and its set flags (by name, as stored).
 */
export type MembershipRow = Readonly<{
  _id: string;
  name: string;
  status: 'active' | 'archive';
  roles: string[];
  profiles: {
    _id: string;
    name: string;
    participantTags: ParticipantTagEntry[];
    roles: string[];
    flags: Record<string, boolean>;
  }[];
}>;

/** A person, acting through one of their sessions (a browser sign-in or an API login). */
export type UserPrincipal = Readonly<{
  kind: 'user';
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
  platformRoles: readonly string[];
  /** read with the session on every request, so `me` needs no query of its own */
  tfaEnabled: boolean;
  userCreatedAt: Date;
  userUpdatedAt: Date;
  lastLoginAt: Date | null;
  session: Readonly<{
    id: string;
    /** a restricted session may only change its password */
    restricted: boolean;
    /** where the session was started: its answers differ only in the default organization */
    channel: 'api' | 'browser';
    authenticatedAt: Date;
  }>;
  /** loaded with the session when the procedure declares `preload: 'memberships'` */
  memberships?: readonly MembershipRow[];
}>;

/**
 * A partner system, acting with an API key of one profile: only its scopes, and never beyond the
 * permissions its creator held when the key was made (the key stores that intersection).
 */
export type ApiKeyPrincipal = Readonly<{
  kind: 'apiKey';
  keyId: string;
  clientId: string;
  organizationId: string;
  profileId: string;
  scopes: readonly Permission[];
  /** the user who made the key; audit events name the key and this user */
  createdBy: string;
  /** false once the creator's account is disabled: the key is refused then, as for a lost permission */
  creatorActive: boolean;
}>;

export type Principal = UserPrincipal | ApiKeyPrincipal;

/** What the database layer may see of the runtime: services reach the database only through ctx.db. */
export type ServiceRuntime = Omit<Runtime, 'db' | 'database'>;

/**
 * The one request context, built the same way for REST, /api/trpc and server components
 * (server/core/request-context.ts). `db` is the transaction inside `transaction(ctx, …)`.
 */
export type RequestContext = Readonly<{
  rt: ServiceRuntime;
  db: Db;
  meta: RequestMeta;
  principal: Principal | null;
  /**
   * The organization the request acts in. `named`: the caller sent x-active-organization-id, it
   * was checked, and `authorize` refuses every target outside it; otherwise only a default (the
   * browser's remembered choice).
   */
  organization?: Readonly<{ id: string; named: boolean }>;
}>;

export type UserContext = RequestContext & { principal: UserPrincipal };
export type PrincipalContext = RequestContext & { principal: Principal };

/** The user id a principal answers for: the person, or the key's creator. */
export const actingUserId = (principal: Principal) =>
  principal.kind === 'user' ? principal.userId : principal.createdBy;

/** The principal's name in idempotency scopes and rate-limit keys: a person and a key never share one. */
export const principalKey = (principal: Principal) =>
  principal.kind === 'user' ? `user:${principal.userId}` : `key:${principal.keyId}`;
