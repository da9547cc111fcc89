import type { Runtime } from './runtime';

/** What a service knows of the request that reached it; never HTTP objects. */
export type RequestMeta = { ip: string; userAgent?: string; requestId: string };

export type Actor = Readonly<{
  userId: string;
  sessionId: string;
  email: string;
  firstName: string;
  lastName: string;
  /** a restricted session may only change its password */
  restricted: boolean;
  channel: 'api' | 'browser';
  authenticatedAt: Date;
  platformRoles: readonly string[];
  /** read with the session on every request, so `me` needs no query of its own */
  tfaEnabled: boolean;
  userCreatedAt: Date;
  userUpdatedAt: Date;
  lastLoginAt: Date | null;
  /**
   * The organization the request named in x-active-organization-id, if it sent one: `authorize`
   * refuses every target outside it (resolveActiveOrganization sets it).
   */
  activeOrganizationId?: string;
}>;

export type ServiceContext = { rt: Runtime; meta: RequestMeta };
export type ActorContext = ServiceContext & { actor: Actor };
