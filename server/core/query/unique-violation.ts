import 'server-only';
/**
 * True when the error (or one it wraps: Drizzle wraps the driver's) is PostgreSQL's unique
 * violation on this constraint. PGlite names it `constraint`, postgres.js `constraint_name`.
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e = error as Record<string, unknown> | undefined, depth = 0; e && depth < 5; depth++) {
    if (e.code === '23505' && (e.constraint === constraint || e.constraint_name === constraint)) return true;
    e = e.cause as Record<string, unknown> | undefined;
  }
  return false;
}
