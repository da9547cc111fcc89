import 'server-only';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errorCatalog } from '@/server/core/errors';
import { appRouter } from '@/server/routers';
import { type OperationExample, operationExamples } from './examples';
import { pathParameters, type RestRoute, restRoutesOf } from './procedures';
import { REST_PREFIX } from './register-routes';

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

/** The example input's value of a field that travels outside the JSON body. */
const exampleOf = (route: RestRoute, field: string): { example?: unknown } => {
  const value = (operationExamples[route.path]?.request as Record<string, unknown> | undefined)?.[field];
  return value === undefined ? {} : { example: value };
};

function parametersOf(route: RestRoute): object[] {
  const { rest } = route;
  const inputSchema = route.input
    ? (jsonSchema(route.input, 'input') as { properties?: Record<string, object> })
    : {};
  const fieldSchema = (field: string) => inputSchema.properties?.[field] ?? { type: 'string' };
  const parameters: object[] = [
    ...pathParameters(rest.path).names.map((name) => ({
      name,
      in: 'path',
      required: true,
      schema: fieldSchema(name),
      ...exampleOf(route, name),
    })),
    ...(rest.query ?? []).map((name) => ({
      name,
      in: 'query',
      required: false,
      schema: fieldSchema(name),
      ...exampleOf(route, name),
    })),
    ...Object.entries(rest.headers ?? {}).map(([name, field]) => ({
      name,
      in: 'header',
      required: true,
      schema: { type: 'string' },
      ...exampleOf(route, field),
    })),
  ];
  if (rest.auth !== 'public') {
    parameters.push({
      name: 'x-active-organization-id',
      in: 'header',
      required: false,
      description:
        "The organization to act in (defaults to the user's only membership): a target in another organization is refused with 400.",
      schema: { type: 'string', format: 'uuid' },
    });
  }
  if (rest.method === 'POST' && rest.secret !== true && !rest.produces) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'Repeat a mutation safely: the same key and body return the first answer for 24 hours.',
      schema: { type: 'string', maxLength: 255 },
    });
  }
  return parameters;
}

/** The JSON body: the input without the fields that travel in the path, the query or headers. */
function requestBodyOf(route: RestRoute): object | undefined {
  const { rest, input } = route;
  if (rest.method !== 'POST' || !input) return undefined;
  const example = operationExamples[route.path]?.request as Record<string, unknown> | undefined;
  if (rest.body)
    return {
      required: true,
      content: {
        [rest.body.contentType]: { schema: { type: 'string' }, ...exampleOf(route, rest.body.field) },
      },
    };
  const schema = jsonSchema(input, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  const elsewhere = [
    ...Object.values(rest.headers ?? {}),
    ...pathParameters(rest.path).names,
    ...(rest.query ?? []),
  ];
  for (const field of elsewhere) {
    delete schema.properties?.[field];
    schema.required = schema.required?.filter((name) => name !== field);
  }
  const body =
    example && Object.fromEntries(Object.entries(example).filter(([name]) => !elsewhere.includes(name)));
  return { required: false, content: { 'application/json': { schema, ...(body ? { example: body } : {}) } } };
}

/** A file answer's example (a FileAnswer of examples.ts) is its body, in the file's own type. */
const fileExampleOf = (response: unknown): { example?: unknown } => {
  const body = (response as { body?: unknown } | undefined)?.body;
  return body === undefined ? {} : { example: body };
};

function operation(route: RestRoute) {
  const { rest } = route;
  const requestBody = requestBodyOf(route);
  const example: OperationExample = operationExamples[route.path] ?? {};
  const success =
    rest.status === 204
      ? { description: 'Done, no content' }
      : rest.produces
        ? {
            description: 'Success',
            content: {
              [rest.produces]: {
                schema: { type: 'string', format: 'binary' },
                ...fileExampleOf(example.response),
              },
            },
          }
        : {
            description: 'Success',
            content: {
              'application/json': {
                schema: route.output ? jsonSchema(route.output, 'output') : {},
                ...(example.response === undefined ? {} : { example: example.response }),
              },
            },
          };
  const problem = (description: string) => ({
    description,
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  });
  return {
    operationId: route.path,
    summary: rest.summary,
    tags: [rest.tag],
    security:
      rest.auth === 'public'
        ? []
        : rest.auth === 'user_or_client'
          ? [{ bearerAuth: [] }, { clientId: [], clientKey: [] }]
          : [{ bearerAuth: [] }],
    parameters: parametersOf(route),
    ...(requestBody ? { requestBody } : {}),
    responses: {
      [rest.status]: success,
      400: problem('Invalid input (VALIDATION_FAILED), with every field problem'),
      ...(rest.auth === 'public'
        ? {}
        : {
            401: problem('UNAUTHENTICATED or INVALID_TOKEN: missing, invalid, expired or revoked token'),
            403: problem('FORBIDDEN, or PASSWORD_CHANGE_REQUIRED for a restricted token'),
          }),
      ...Object.fromEntries((rest.refusals ?? []).map((r) => [r.status, problem(r.codes)])),
      429: problem('Too many failed attempts; see Retry-After'),
    },
  };
}

let document: object | undefined;

/** OpenAPI 3.1, generated from the same route table and zod schemas the server runs. */
export function openApiDocument(): object {
  if (document) return document;
  const paths: Record<string, Record<string, object>> = {};
  for (const route of restRoutesOf(appRouter)) {
    const path = REST_PREFIX + route.rest.path;
    paths[path] ??= {};
    paths[path][route.rest.method.toLowerCase()] = operation(route);
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
