import { initTRPC, TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { ZodError } from 'zod';
import './validation';
import { authorize } from './access/authorize';
import type { Actor, RequestMeta } from './context';
import { AppError, type FieldError, toAppError } from './errors';
import { findNulPath } from './input-limits';
import { resolveActiveOrganization } from './resolve-active-organization';
import type { Runtime } from './runtime';

export type TrpcContext = {
  rt: Runtime;
  meta: RequestMeta;
  actor: Actor | null;
  /** the browser (next-auth cookie) or an API caller (bearer token) */
  channel: 'api' | 'browser';
  /** the organization to show by default: x-active-organization-id once resolved, else the browser's cookie */
  activeOrganizationId?: string;
  /** x-active-organization-id as the request sent it, unchecked (resolved by every procedure) */
  activeOrganizationHeader?: string;
};

const trpcCodeByStatus: Record<number, TRPC_ERROR_CODE_KEY> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_SUPPORTED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE_CONTENT',
  429: 'TOO_MANY_REQUESTS',
};

/** One entry per field; an unknown field is named itself rather than reported on the whole body. */
export const zodFieldErrors = (error: ZodError): FieldError[] =>
  error.issues.flatMap((issue) => {
    const path = issue.path.join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: path ? `${path}.${key}` : key,
        message: 'is not a known field',
      }));
    }
    return [{ path: path || '(body)', message: issue.message }];
  });

const t = initTRPC.context<TrpcContext>().create({
  errorFormatter({ shape, error }) {
    const app = toAppError(error.cause);
    const zod = error.cause instanceof ZodError ? error.cause : undefined;
    return {
      ...shape,
      message: app
        ? app.message
        : zod
          ? 'The request is not valid'
          : shape.data.httpStatus >= 500
            ? 'Internal error'
            : shape.message,
      data: {
        httpStatus: shape.data.httpStatus,
        code:
          app?.code ??
          (zod ? 'VALIDATION_FAILED' : shape.data.httpStatus >= 500 ? 'INTERNAL' : shape.data.code),
        errors: app?.errors ?? (zod ? zodFieldErrors(zod) : undefined),
        extra: app?.extra,
      },
    };
  },
});

/** Turns an AppError thrown below into a TRPCError with the matching status, keeping it as the cause. */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const app = toAppError(result.error.cause);
    if (app)
      throw new TRPCError({
        code: trpcCodeByStatus[app.status] ?? 'INTERNAL_SERVER_ERROR',
        message: app.message,
        cause: app,
      });
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Refused before any schema or query sees it: a NUL would otherwise be a database error (500),
 * and input nested beyond MAX_JSON_DEPTH a stack overflow.
 */
const noNulCharacters = t.middleware(async ({ getRawInput, next }) => {
  const path = findNulPath(await getRawInput());
  if (path !== undefined)
    throw new AppError('VALIDATION_FAILED', 'Text must not contain NUL characters.', {
      errors: [{ path, message: 'must not contain NUL characters' }],
    });
  return next();
});

/**
 * x-active-organization-id, checked once for every procedure whichever door it came through: it
 * becomes the default organization and, on the actor, the organization every target must lie in.
 */
const activeOrganization = t.middleware(async ({ ctx, next }) => {
  const id = await resolveActiveOrganization(ctx.rt, ctx.actor, ctx.activeOrganizationHeader);
  if (id === undefined) return next();
  const actor = ctx.actor && Object.freeze({ ...ctx.actor, activeOrganizationId: id });
  return next({ ctx: { ...ctx, actor, activeOrganizationId: id } });
});

export const publicProcedure = t.procedure.use(appErrors).use(noNulCharacters).use(activeOrganization);

/** Any signed-in session, including a restricted one (forced password change). */
export const sessionProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

/** A signed-in user whose password needs no change. */
export const userProcedure = sessionProcedure.use(({ ctx, next }) => {
  if (ctx.actor.restricted)
    throw new AppError('PASSWORD_CHANGE_REQUIRED', 'Change your password first (POST /auth/password).');
  return next({ ctx });
});

/** Internal staff: platform.admin for changes; platform.support also for reads. */
export const adminProcedure = (access: 'read' | 'write') =>
  userProcedure.use(async ({ ctx, next }) => {
    await authorize(ctx.rt.db, ctx.actor, access === 'read' ? 'admin.read' : 'admin.write', 'platform');
    return next({ ctx });
  });
