import { expect } from 'vitest';
import type { Runtime } from '@/server/core/runtime';
import { type NextHandler, startServer } from '@/server/http/start';

export type ApiResponse<T = Record<string, unknown>> = {
  status: number;
  headers: Headers;
  body: T;
  text: string;
};

/** Starts the real HTTP server (without Next, or with a stand-in) on a free port and returns a small client for it. */
export async function startTestServer(rt: Runtime, options: { next?: NextHandler } = {}) {
  const server = await startServer(rt, { port: 0, host: '127.0.0.1', ...options });
  const request = async <T = Record<string, unknown>>(
    method: string,
    path: string,
    options: { body?: unknown; raw?: string; headers?: Record<string, string>; token?: string } = {},
  ): Promise<ApiResponse<T>> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.raw;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(`${server.url}/api/v1${path}`, { method, headers, body });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, headers: res.headers, body: parsed as T, text };
  };
  return { ...server, request };
}

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** Sends a seed example as its own text, its <placeholders> replaced by these ids. */
export function sendSeed(
  server: TestServer,
  path: string,
  text: string,
  ids: Record<string, string>,
  options: { token?: string; headers?: Record<string, string> } = {},
) {
  const raw = text.replace(/<(\w+)>/g, (_, name: string) => {
    const id = ids[name];
    if (!id) throw new Error(`no id yet for <${name}>`);
    return id;
  });
  return server.request<Record<string, unknown> & { items?: Record<string, unknown>[] }>('POST', path, {
    raw,
    token: options.token,
    headers: { 'content-type': 'application/json', ...options.headers },
  });
}

/** A seed's header lines (`client-id: <clientId>`) as headers, their <placeholders> replaced by these ids. */
export function seedHeaders(text: string, ids: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    text
      .trim()
      .split('\n')
      .map((line) => {
        const [name, ...value] = line.split(':');
        const filled = value
          .join(':')
          .trim()
          .replace(/<(\w+)>/g, (_, id: string) => {
            if (!ids[id]) throw new Error(`no id yet for <${id}>`);
            return ids[id];
          });
        return [name!.trim(), filled];
      }),
  );
}

/** An RFC 9457 problem of this status and code, with the request id and never a stack trace. */
export function expectProblem(
  res: { status: number; headers: Headers; body: Record<string, unknown> },
  status: number,
  code: string,
) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, code, requestId: res.headers.get('x-request-id') });
  expect(typeof res.body.title).toBe('string');
  expect(typeof res.body.detail).toBe('string');
  expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/);
}
