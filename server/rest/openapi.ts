import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errorCatalog } from '@/server/core/errors';
import { appRouter } from '@/server/routers';
import { REST_PREFIX, type RestRoute, restRoutes } from './routes';

type ProcedureDef = { inputs: z.ZodType[]; output?: z.ZodType; type: 'query' | 'mutation' };

function procedureDef(path: string): ProcedureDef {
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: ProcedureDef }>;
  const procedure = procedures[path];
  if (!procedure) throw new Error(`REST route names an unknown procedure: ${path}`);
  return procedure._def;
}

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });

const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code', 'requestId'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', enum: Object.keys(errorCatalog) },
    errors: {
      type: 'array',
      items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
    },
    requestId: { type: 'string' },
  },
};

function operation(route: RestRoute) {
  const def = procedureDef(route.procedure);
  const input = def.inputs[0];
  const headerFields = new Set(Object.values(route.headers ?? {}));
  const parameters: object[] = Object.entries(route.headers ?? {}).map(([name]) => ({
    name,
    in: 'header',
    required: true,
    schema: { type: 'string' },
  }));
  if (route.auth !== 'public') {
    parameters.push({
      name: 'x-active-organization-id',
      in: 'header',
      required: false,
      description:
        "The organization to act in (defaults to the user's only membership): a target in another organization is refused with 400.",
      schema: { type: 'string', format: 'uuid' },
    });
  }
  if (route.method === 'POST' && !route.secret) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'Repeat a mutation safely: the same key and body return the first answer for 24 hours.',
      schema: { type: 'string', maxLength: 255 },
    });
  }
  let requestBody: object | undefined;
  if (route.method === 'POST' && input) {
    const schema = jsonSchema(input, 'input') as {
      properties?: Record<string, unknown>;
      required?: string[];
    };
    for (const field of headerFields) {
      delete schema.properties?.[field];
      schema.required = schema.required?.filter((name) => name !== field);
    }
    requestBody = { required: false, content: { 'application/json': { schema } } };
  }
  const success =
    route.status === 204
      ? { description: 'Done, no content' }
      : {
          description: 'Success',
          content: { 'application/json': { schema: def.output ? jsonSchema(def.output, 'output') : {} } },
        };
  const problem = (description: string) => ({
    description,
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  });
  return {
    operationId: route.procedure,
    summary: route.summary,
    tags: [route.tag],
    security:
      route.auth === 'public'
        ? []
        : route.auth === 'adminOrClient'
          ? [{ bearerAuth: [] }, { clientId: [], clientKey: [] }]
          : [{ bearerAuth: [] }],
    parameters,
    ...(requestBody ? { requestBody } : {}),
    responses: {
      [route.status]: success,
      400: problem('Invalid input (VALIDATION_FAILED), with every field problem'),
      ...(route.auth === 'public'
        ? {}
        : {
            401: problem('UNAUTHENTICATED or INVALID_TOKEN: missing, invalid, expired or revoked token'),
            403: problem('FORBIDDEN, or PASSWORD_CHANGE_REQUIRED for a restricted token'),
          }),
      ...Object.fromEntries((route.refusals ?? []).map((r) => [r.status, problem(r.codes)])),
      429: problem('Too many failed attempts; see Retry-After'),
    },
  };
}

let document: object | undefined;

/** OpenAPI 3.1, generated from the same route table and zod schemas the server runs. */
export function openApiDocument(): object {
  if (document) return document;
  const paths: Record<string, Record<string, object>> = {};
  for (const route of restRoutes) {
    const path = REST_PREFIX + route.path;
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = operation(route);
  }
  document = {
    openapi: '3.1.0',
    info: {
      title: 'Provena API',
      version: '1',
      description:
        'Measured emissions data for natural-gas producers, pipelines and buyers. Errors are RFC 9457 problem details with a stable `code`.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        clientId: { type: 'apiKey', in: 'header', name: 'client-id' },
        clientKey: { type: 'apiKey', in: 'header', name: 'client-key' },
      },
      schemas: { Problem: problemSchema },
    },
  };
  return document;
}

export function registerOpenApi(app: FastifyInstance) {
  app.get(`${REST_PREFIX}/openapi.json`, async () => openApiDocument());
}
