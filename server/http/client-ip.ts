import 'server-only';
import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

/** The caller's address, trusting exactly TRUST_PROXY hops of X-Forwarded-For (0: the socket's peer). */
export function clientIp(req: IncomingMessage, trustProxy: number): string {
  return proxyAddr(req, (_addr, hop) => hop < trustProxy);
}
