import 'server-only';
import { initTRPC, TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { ZodError } from 'zod';
import './validation';
import { authorize } from './access/authorize';
import { isPlatformPermission } from './access/catalog';
import { resolveOrganization } from './active-organization';
import type { Principal, RequestContext, UserPrincipal } from './context';
import { AppError, type FieldError, toAppError } from './errors';
import { findNulPath } from './input-limits';
import type { ProcedureMeta } from './meta';
import type { EntryContext } from './request-context';

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

const t = initTRPC
  .context<EntryContext>()
  .meta<ProcedureMeta>()
  .create({
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

/** The entry's context becomes the request context: the organization is resolved once, here. */
const requestContext = t.middleware(async ({ ctx, next }) => {
  const { rt, meta, principal, organizationRequest } = ctx;
  const organization = await resolveOrganization(rt.db, principal, organizationRequest);
  const request: RequestContext = { rt, db: rt.db, meta, principal, organization };
  return next({ ctx: request });
});

/**
 * The declared access, checked before the input is parsed: a procedure without meta is refused
 * (fail closed), a platform permission is authorized here, an API key needs the scope. A tenant
 * permission's record is checked by the service, which alone knows which record.
 */
async function checkDeclaredAccess(ctx: RequestContext, meta: ProcedureMeta | undefined) {
  const access = meta?.permission;
  if (access === undefined) throw new AppError('FORBIDDEN', 'This procedure declares no permission.');
  if (access === 'public') return;
  const { principal } = ctx;
  if (!principal) throw new AppError('UNAUTHENTICATED');
  if (principal.kind === 'user') {
    if (access !== 'session' && principal.session.restricted)
      throw new AppError('PASSWORD_CHANGE_REQUIRED', 'Change your password first (POST /auth/password).');
  } else if (access === 'session' || access === 'self' || !principal.scopes.includes(access)) {
    throw new AppError('FORBIDDEN', "This API key's scopes do not allow this.");
  }
  if (access !== 'session' && access !== 'self' && isPlatformPermission(access))
    await authorize(ctx, access, 'platform');
}

const base = t.procedure
  .use(appErrors)
  .use(noNulCharacters)
  .use(requestContext)
  .use(async ({ ctx, meta, next }) => {
    await checkDeclaredAccess(ctx, meta);
    return next();
  });

/** Anyone; a credential may travel in the input (a token from an email, a password). */
export const publicProcedure = base;

/** A user or an API key (the REST auth kind `user_or_client`). */
export const principalProcedure = base.use(({ ctx, next }) => {
  if (!ctx.principal) throw new AppError('UNAUTHENTICATED');
  return next({ ctx: { ...ctx, principal: ctx.principal as Principal } });
});

/** A signed-in person: an API key is refused. */
export const userProcedure = principalProcedure.use(({ ctx, next }) => {
  if (ctx.principal.kind !== 'user') throw new AppError('FORBIDDEN', 'This needs a signed-in user.');
  return next({ ctx: { ...ctx, principal: ctx.principal as UserPrincipal } });
});
