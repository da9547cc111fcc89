import 'server-only';
import { LogController } from 'fastify';

/**
 * One line per finished request (request id, method, path without the query, status, time):
 * `info` for refusals and failures, `debug` for successes, so a busy server logs what matters.
 * Headers and bodies are never logged: they carry tokens and passwords.
 */
export class RequestLog extends LogController {
  override incomingRequest() {}

  override requestCompleted(
    error: Error | null | undefined,
    request: Parameters<LogController['requestCompleted']>[1],
    reply: Parameters<LogController['requestCompleted']>[2],
  ) {
    const line = {
      method: request.method,
      path: request.url.split('?')[0],
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (error) reply.log.error({ ...line, err: error }, 'request failed');
    else if (reply.statusCode >= 400) reply.log.info(line, 'request refused');
    else reply.log.debug(line, 'request done');
  }
}
