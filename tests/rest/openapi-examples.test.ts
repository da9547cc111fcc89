import { describe, expect, it } from 'vitest';
import { operationExamples } from '@/server/rest/examples';
import { openApiDocument } from '@/server/rest/openapi';
import { restRoutesOf } from '@/server/rest/procedures';
import { appRouter } from '@/server/routers';

/**
 * Every REST operation carries an example request and answer (server/rest/examples.ts), and each
 * example is one the operation itself accepts and gives: parsed with the procedure's own zod input
 * and output, so an example cannot drift from the schemas it illustrates.
 */
const routes = restRoutesOf(appRouter);

type Media = { schema: unknown; example?: unknown };
type Operation = {
  operationId: string;
  parameters: { name: string; in: string; example?: unknown }[];
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { content?: Record<string, Media> }>;
};

describe('the examples of the OpenAPI document', () => {
  it('has an example for every operation, and none for an operation that does not exist', () => {
    const withoutExample = routes.map((route) => route.path).filter((path) => !(path in operationExamples));
    expect(withoutExample).toEqual([]);
    const unknown = Object.keys(operationExamples).filter((id) => !routes.some((route) => route.path === id));
    expect(unknown).toEqual([]);
  });

  it('gives a request exactly to the operations that take an input, an answer to those that give one', () => {
    for (const route of routes) {
      const example = operationExamples[route.path]!;
      const takesInput = route.input !== undefined;
      const answers = route.output !== undefined && route.rest.status !== 204;
      expect({ id: route.path, request: example.request !== undefined }).toEqual({
        id: route.path,
        request: takesInput,
      });
      expect({ id: route.path, response: example.response !== undefined }).toEqual({
        id: route.path,
        response: answers,
      });
    }
  });

  it.each(routes.map((route) => [route.path, route] as const))(
    "%s: the example request passes the procedure's input schema and the answer its output schema",
    (_, route) => {
      const example = operationExamples[route.path]!;
      if (route.input) {
        const parsed = route.input.safeParse(example.request);
        expect(parsed.error?.issues ?? []).toEqual([]);
      }
      if (route.output && example.response !== undefined) {
        const parsed = route.output.safeParse(example.response);
        expect(parsed.error?.issues ?? []).toEqual([]);
        // the output schema strips nothing: every field shown is one the answer really has
        expect(parsed.data).toEqual(example.response);
      }
    },
  );

  it('shows every example in the document: the body without the fields that travel as parameters, those as parameter examples', () => {
    const document = openApiDocument() as { paths: Record<string, Record<string, Operation>> };
    const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods));
    expect(operations).toHaveLength(routes.length);
    for (const route of routes) {
      const operation = operations.find((o) => o.operationId === route.path)!;
      const example = operationExamples[route.path]!;
      const request = (example.request ?? {}) as Record<string, unknown>;
      const parameterFields: Record<string, string> = {
        ...Object.fromEntries(Object.entries(route.rest.headers ?? {})),
        ...Object.fromEntries((route.rest.query ?? []).map((name) => [name, name])),
        ...Object.fromEntries([...route.rest.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name!, name!])),
      };
      for (const [parameter, field] of Object.entries(parameterFields)) {
        const declared = operation.parameters.find((p) => p.name === parameter)!;
        expect(declared.example, `${route.path} ${parameter}`).toEqual(request[field]);
      }
      const body = operation.requestBody?.content['application/json'];
      if (body) {
        const fields = Object.values(parameterFields);
        expect(body.example, route.path).toEqual(
          Object.fromEntries(Object.entries(request).filter(([name]) => !fields.includes(name))),
        );
      }
      const success = operation.responses[String(route.rest.status)]!;
      // a file answer (`produces`) shows the file's body in its own type
      const { produces } = route.rest;
      expect(success.content?.[produces ?? 'application/json']?.example, route.path).toEqual(
        produces ? (example.response as { body: unknown }).body : example.response,
      );
    }
  });
});
