import { startServer } from '@/server/http/start';
import type { Runtime } from '@/server/runtime';

export type ApiResponse<T = Record<string, unknown>> = {
  status: number;
  headers: Headers;
  body: T;
  text: string;
};

/** Starts the real HTTP server (without Next) on a free port and returns a small client for it. */
export async function startTestServer(rt: Runtime) {
  const server = await startServer(rt, { port: 0, host: '127.0.0.1' });
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
