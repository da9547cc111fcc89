import 'server-only';
import { initTRPC, TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { ZodError } from 'zod';
import './validation';
import { recordKeyRefusal } from '@/server/modules/api-keys/services/record-key-refusal';
import { authorize } from './access/authorize';
import { isPlatformPermission } from './access/catalog';
import { resolveOrganization } from './active-organization';
import type { PrincipalContext, RequestContext, UserContext } from './context';
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

/** An AppError (thrown here or below) as a TRPCError with the matching status, keeping it as the cause. */
function asTrpcError(error: unknown): unknown {
  const app = toAppError(error instanceof TRPCError ? error.cause : error);
  if (!app) return error;
  return new TRPCError({
    code: trpcCodeByStatus[app.status] ?? 'INTERNAL_SERVER_ERROR',
    message: app.message,
    cause: app,
  });
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

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

/**
 * A key refused because its creator lost the permission is audited here, the one place every
 * refusal passes, with the runtime's database: the failed request's own transaction is gone.
 */
async function auditKeyRefusal(ctx: EntryContext, error: unknown) {
  const app = toAppError(error instanceof TRPCError ? error.cause : error);
  if (app?.code !== 'API_KEY_CREATOR_LACKS_PERMISSION' || ctx.principal?.kind !== 'apiKey') return;
  try {
    await recordKeyRefusal(ctx.rt.db, ctx.meta, ctx.principal, app.extra?.permission);
  } catch (failure) {
    ctx.rt.log.error({ err: failure }, 'could not audit a refused API key');
  }
}

type Caller = 'anyone' | 'principal' | 'user';

/**
 * Everything a procedure runs before its input is parsed, in one middleware (each tRPC
 * middleware costs a context merge on every call): refuse NUL characters (a database error
 * otherwise) and input nested too deep, resolve the organization once, check the declared access
 * and the caller kind, then map AppErrors from below to their status.
 */
function entry<C extends RequestContext>(caller: Caller) {
  return t.middleware(async ({ ctx, meta, getRawInput, next }) => {
    let request: RequestContext;
    try {
      const path = findNulPath(await getRawInput());
      if (path !== undefined)
        throw new AppError('VALIDATION_FAILED', 'Text must not contain NUL characters.', {
          errors: [{ path, message: 'must not contain NUL characters' }],
        });
      const { rt, principal, organizationRequest } = ctx;
      const organization = await resolveOrganization(rt.db, principal, organizationRequest);
      request = { rt, db: rt.db, meta: ctx.meta, principal, organization };
      await checkDeclaredAccess(request, meta);
      if (caller !== 'anyone' && !principal) throw new AppError('UNAUTHENTICATED');
      if (caller === 'user' && principal?.kind !== 'user')
        throw new AppError('FORBIDDEN', 'This needs a signed-in user.');
    } catch (error) {
      await auditKeyRefusal(ctx, error);
      throw asTrpcError(error);
    }
    const result = await next({ ctx: request as C });
    if (!result.ok) {
      await auditKeyRefusal(ctx, result.error);
      throw asTrpcError(result.error);
    }
    return result;
  });
}

/** Anyone; a credential may travel in the input (a token from an email, a password). */
export const publicProcedure = t.procedure.use(entry<RequestContext>('anyone'));

/** A user or an API key (the REST auth kind `user_or_client`). */
export const principalProcedure = t.procedure.use(entry<PrincipalContext>('principal'));

/** A signed-in person: an API key is refused. */
export const userProcedure = t.procedure.use(entry<UserContext>('user'));
