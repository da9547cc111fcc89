import 'server-only';
import { sqlState } from './errors';

/** Fields of an error (ours, Fastify's, tRPC's, PostgreSQL's) that hold no request values. */
const SAFE_FIELDS = [
  'code',
  'statusCode',
  'severity',
  'routine',
  'schema_name',
  'table_name',
  'column_name',
  'constraint_name',
] as const;

/**
 * What the log keeps of a value-bearing text: Drizzle's message appends the query's parameters
 * ("params: a@example.com,secret"), and a data exception quotes the value it refused.
 */
function scrub(text: string, dataException: boolean): string {
  const withoutParams = text.replace(/\nparams: [^\n]*/g, '\nparams: [omitted]');
  return dataException ? withoutParams.replace(/"[^"\n]*"/g, '"[omitted]"') : withoutParams;
}

/**
 * pino's `err` serializer: type, message, stack, codes and the query text (placeholders only),
 * never the parameters (postgres.js `parameters`, Drizzle's `params`) nor PostgreSQL's `detail`,
 * which repeats key values. Follows `cause`, where the database's own error sits.
 */
export function serializeError(error: unknown, depth = 0): unknown {
  if (error === null || typeof error !== 'object') return error;
  const e = error as Record<string, unknown>;
  const dataException = sqlState(error)?.startsWith('22') ?? false;
  const out: Record<string, unknown> = {
    type:
      typeof e.type === 'string'
        ? e.type
        : ((e.constructor as { name?: string } | undefined)?.name ?? e.name),
    message: scrub(String(e.message ?? ''), dataException),
  };
  if (typeof e.stack === 'string') out.stack = scrub(e.stack, dataException);
  for (const field of SAFE_FIELDS) if (e[field] !== undefined) out[field] = e[field];
  if (typeof e.query === 'string') out.query = e.query;
  if (e.cause !== undefined && depth < 4) out.cause = serializeError(e.cause, depth + 1);
  return out;
}
