import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { refreshTokens, sessions } from '@/db/schema';
import type { RequestContext } from '@/server/core/context';
import { randomToken, sha256 } from '@/server/core/crypto';
import { REFRESH_TOKEN_TTL_MS, signAccessToken } from '../tokens';

export type TokenPair = {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: string;
  refreshTokenExpiresAt: string;
};

/** How long a restricted (password-change-only) session lives. */
const RESTRICTED_TTL_MS = 15 * 60_000;

export async function startSession(
  tx: Db,
  ctx: RequestContext,
  options: { userId: string; restricted: boolean; channel: 'api' | 'browser' },
) {
  const now = ctx.rt.clock.now();
  const [session] = await tx
    .insert(sessions)
    .values({
      userId: options.userId,
      restricted: options.restricted,
      channel: options.channel,
      userAgent: ctx.meta.userAgent?.slice(0, 300),
      ip: ctx.meta.ip,
      createdAt: now,
      lastSeenAt: now,
      authenticatedAt: now,
      expiresAt: new Date(now.getTime() + (options.restricted ? RESTRICTED_TTL_MS : REFRESH_TOKEN_TTL_MS)),
    })
    .returning();
  return session!;
}

/** A new access token and a new refresh token for the session; the refresh token is stored only as its hash. */
export async function issueTokenPair(tx: Db, ctx: RequestContext, sessionId: string): Promise<TokenPair> {
  const now = ctx.rt.clock.now();
  const refreshToken = randomToken(32);
  const refreshTokenExpiresAt = new Date(now.getTime() + REFRESH_TOKEN_TTL_MS);
  await tx.insert(refreshTokens).values({
    tokenHash: sha256(refreshToken),
    sessionId,
    createdAt: now,
    expiresAt: refreshTokenExpiresAt,
  });
  await tx.update(sessions).set({ expiresAt: refreshTokenExpiresAt }).where(eq(sessions.id, sessionId));
  return presentTokenPair(ctx, { sessionId, refreshToken, refreshTokenExpiresAt, now });
}

/** Signs the access token that goes with a stored refresh token. */
export async function presentTokenPair(
  ctx: RequestContext,
  pair: { sessionId: string; refreshToken: string; refreshTokenExpiresAt: Date; now: Date },
): Promise<TokenPair> {
  const access = await signAccessToken(ctx.rt.keys, { sid: pair.sessionId, restricted: false }, pair.now);
  return {
    accessToken: access.token,
    refreshToken: pair.refreshToken,
    accessTokenExpiresAt: access.expiresAt.toISOString(),
    refreshTokenExpiresAt: pair.refreshTokenExpiresAt.toISOString(),
  };
}
