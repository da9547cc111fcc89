// The part of autocannon 8's programmatic API the benchmark uses (the package ships no types).
declare module 'autocannon' {
  type Headers = Record<string, string>;
  export type Request = {
    method?: string;
    path?: string;
    headers?: Headers;
    body?: string;
    /** called before each request is sent; returning a falsy value restarts the list */
    setupRequest?: (request: Request, context: Record<string, unknown>) => Request | undefined;
    onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Headers) => void;
  };
  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    pipelining?: number;
    timeout?: number;
    method?: string;
    headers?: Headers;
    body?: string;
    requests?: Request[];
    excludeErrorStats?: boolean;
  };
  export type Histogram = {
    average: number;
    mean: number;
    p50: number;
    p90: number;
    p99: number;
    max: number;
  };
  export type Result = {
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
    statusCodeStats: Record<string, { count: number }>;
    latency: Histogram;
    requests: Histogram & { total: number };
  };
  export default function autocannon(options: Options): Promise<Result>;
}
