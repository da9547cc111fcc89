import type { AnyRouter } from '@trpc/server';
import type { z } from 'zod';
import type { ProcedureMeta, RestShape } from '@/server/core/meta';

/** A procedure as the REST adapter, the OpenAPI document and the isolation matrix see it. */
export type RestProcedure = Readonly<{
  /** the tRPC path, e.g. `members.invite` (also the OpenAPI operationId) */
  path: string;
  type: 'query' | 'mutation';
  meta: ProcedureMeta | undefined;
  input: z.ZodType | undefined;
  output: z.ZodType | undefined;
}>;

type ProcedureDef = {
  inputs: z.ZodType[];
  output?: z.ZodType;
  type: 'query' | 'mutation';
  meta?: ProcedureMeta;
};

/** Every procedure of the router with its declared meta, in declaration order. */
function proceduresOf(router: AnyRouter): RestProcedure[] {
  const procedures = router._def.procedures as Record<string, { _def: ProcedureDef }>;
  return Object.entries(procedures).map(([path, { _def }]) => ({
    path,
    type: _def.type,
    meta: _def.meta,
    input: _def.inputs[0],
    output: _def.output,
  }));
}

export type RestRoute = RestProcedure & { rest: RestShape };

/** The procedures that declare a REST shape. */
export const restRoutesOf = (router: AnyRouter): RestRoute[] =>
  proceduresOf(router).flatMap((p) => (p.meta?.rest ? [{ ...p, rest: p.meta.rest }] : []));

/** `/reports/{id}/pdf` -> `/reports/:id/pdf`, and the parameter names. */
export function pathParameters(path: string) {
  const names: string[] = [];
  const fastifyPath = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return `:${name}`;
  });
  return { fastifyPath, names };
}
