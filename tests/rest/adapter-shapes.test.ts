import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { restShapes } from '@/server/core/meta';
import { publicProcedure, router } from '@/server/core/trpc';
import { REST_PREFIX, registerRestRoutes } from '@/server/rest/register-routes';
import { testRuntime } from '../helpers/runtime';

const rt = testRuntime();
const rest = restShapes('Probe');

/** The shapes the next features need (reports, locations import and export), on probe procedures. */
const probe = router({
  pdf: publicProcedure
    .meta({
      permission: 'public',
      rest: rest.get('/reports/{id}/pdf', 'A file answer', { auth: 'public', produces: 'application/pdf' }),
    })
    .input(z.strictObject({ id: z.uuid() }))
    .query(({ input }) => ({
      contentType: 'application/pdf',
      filename: `report-${input.id}.pdf`,
      body: new Uint8Array([0x25, 0x50, 0x44, 0x46]),
    })),
  list: publicProcedure
    .meta({
      permission: 'public',
      rest: rest.get('/things', 'Query fields', { auth: 'public', query: ['kind'] }),
    })
    .input(z.strictObject({ kind: z.enum(['a', 'b']).optional() }).optional())
    .query(({ input }) => ({ kind: input?.kind ?? null })),
  importCsv: publicProcedure
    .meta({
      permission: 'public',
      rest: rest.post('/things/import', 'A CSV body', {
        auth: 'public',
        body: { contentType: 'text/csv', field: 'csv', limit: 64 },
      }),
    })
    .input(z.strictObject({ csv: z.string() }))
    .mutation(({ input }) => ({ lines: input.csv.trim().split('\n').length })),
  json: publicProcedure
    .meta({ permission: 'public', rest: rest.post('/things/create', 'A JSON body', { auth: 'public' }) })
    .input(z.strictObject({ name: z.string() }))
    .mutation(({ input }) => ({ name: input.name })),
});

const app = Fastify();
beforeAll(async () => {
  registerRestRoutes(app, rt, probe);
  await app.ready();
});
afterAll(() => app.close());

describe('the REST adapter from meta', () => {
  it('reads a path parameter into the input and answers a declared file type with its name', async () => {
    const id = '01890000-0000-7000-8000-000000000009';
    const res = await app.inject({ method: 'GET', url: `${REST_PREFIX}/reports/${id}/pdf` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="report-${id}.pdf"`);
    expect(res.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    const bad = await app.inject({ method: 'GET', url: `${REST_PREFIX}/reports/nope/pdf` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'id' }] });
  });

  it('reads declared query fields, validated like the body', async () => {
    expect((await app.inject({ method: 'GET', url: `${REST_PREFIX}/things?kind=a` })).json()).toEqual({
      kind: 'a',
    });
    expect((await app.inject({ method: 'GET', url: `${REST_PREFIX}/things` })).json()).toEqual({
      kind: null,
    });
    expect((await app.inject({ method: 'GET', url: `${REST_PREFIX}/things?kind=z` })).statusCode).toBe(400);
  });

  it('takes a declared CSV body as text within its own size limit, and only that type', async () => {
    const csv = { 'content-type': 'text/csv' };
    const ok = await app.inject({
      method: 'POST',
      url: `${REST_PREFIX}/things/import`,
      headers: csv,
      payload: 'a,b\n1,2\n',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ lines: 2 });
    const big = await app.inject({
      method: 'POST',
      url: `${REST_PREFIX}/things/import`,
      headers: csv,
      payload: 'x'.repeat(65),
    });
    expect(big.statusCode).toBe(413);
    const json = await app.inject({
      method: 'POST',
      url: `${REST_PREFIX}/things/import`,
      payload: { csv: 'a' },
    });
    expect(json.statusCode).toBe(415);
  });

  it('refuses a CSV body on a JSON route with 415', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `${REST_PREFIX}/things/create`,
      headers: { 'content-type': 'text/csv' },
      payload: 'name\nx\n',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });
});
