import 'server-only';
/**
 * The client IP as our own server in front of Next computed it (server/http/start.ts), for server
 * components. Here, not in http/, so Next's bundle does not pull in Fastify to read one string.
 */
export const CLIENT_IP_HEADER = 'x-provena-client-ip';
