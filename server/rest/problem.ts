import 'server-only';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { TRPCError } from '@trpc/server';
import { uuidv7 } from 'uuidv7';
import { ZodError } from 'zod';
import { type ErrorCode, errorCatalog, type FieldError, toAppError } from '@/server/core/errors';
import { zodFieldErrors } from '@/server/core/trpc';

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors?: FieldError[];
  requestId: string;
  [extra: string]: unknown;
};

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_BAD_URL: 'VALIDATION_FAILED',
};

/** Our words for Fastify's: its messages echo the path or body. */
const fastifyDetails: Record<string, string> = {
  FST_ERR_BAD_URL: 'The path is not valid percent-encoding.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'The body does not match its Content-Length.',
  FST_ERR_CTP_INVALID_JSON_BODY: 'The body is not valid JSON.',
};

const problemOf = (
  code: ErrorCode,
  detail: string | undefined,
  requestId: string,
  more: Partial<Problem> = {},
): Problem => ({
  type: `/api/docs#problem-${code.toLowerCase()}`,
  title: errorCatalog[code].title,
  status: errorCatalog[code].status,
  detail: detail ?? errorCatalog[code].title,
  code,
  ...more,
  requestId,
});

/**
 * The one mapping from anything thrown to an RFC 9457 problem. Only AppErrors, validation
 * failures and client errors speak; anything else is a 500 whose text stays in the log.
 * `fieldNames` renames input fields that came from headers (refreshToken -> x-refresh-token).
 */
export function toProblem(
  error: unknown,
  requestId: string,
  fieldNames: Record<string, string> = {},
): Problem {
  const cause = error instanceof TRPCError ? error.cause : error;
  const app = toAppError(cause);
  if (app)
    return problemOf(app.code, app.message, requestId, {
      ...app.extra,
      ...(app.errors ? { errors: app.errors } : {}),
    });
  if (cause instanceof ZodError) {
    const errors = zodFieldErrors(cause).map((e) => ({ ...e, path: fieldNames[e.path] ?? e.path }));
    const detail = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
    return problemOf('VALIDATION_FAILED', detail, requestId, { errors });
  }
  const fastifyError = error as { code?: string; statusCode?: number; message?: string };
  const mapped = fastifyError.code ? fastifyCodes[fastifyError.code] : undefined;
  if (mapped) return problemOf(mapped, fastifyDetails[fastifyError.code!] ?? fastifyError.message, requestId);
  const status = fastifyError.statusCode ?? 500;
  if (fastifyError.code?.startsWith('FST_') && status >= 400 && status < 500)
    return problemOf('VALIDATION_FAILED', undefined, requestId);
  if (error instanceof SyntaxError)
    return problemOf('VALIDATION_FAILED', 'The body is not valid JSON.', requestId);
  return problemOf('INTERNAL', undefined, requestId);
}

/**
 * Fastify's clientErrorHandler: what Node's HTTP parser refuses before there is a request
 * (headers over 16 KiB, a broken request line or Content-Length, a body that never arrives),
 * answered on the socket as a problem.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code: ErrorCode =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? 'HEADERS_TOO_LARGE'
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 'REQUEST_TIMEOUT'
        : 'VALIDATION_FAILED';
  const requestId = uuidv7();
  const detail = code === 'VALIDATION_FAILED' ? 'The request is not valid HTTP.' : undefined;
  const body = JSON.stringify(problemOf(code, detail, requestId));
  const status = errorCatalog[code].status;
  if (socket.writable)
    socket.write(
      [
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
        'Content-Type: application/problem+json; charset=utf-8',
        `Content-Length: ${Buffer.byteLength(body)}`,
        `X-Request-Id: ${requestId}`,
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  socket.destroy(error);
}
