import 'server-only';
import type { LoggerInstance } from 'next-auth';
import type { Logger } from 'pino';

/** Codes whose message quotes the raw request value (InvalidCallbackUrl: "Received: <value>"). */
const QUOTES_INPUT = new Set(['INVALID_CALLBACK_URL_ERROR']);

/**
 * next-auth's logger through pino: one JSON line per entry (newlines in a value are escaped,
 * never a forged line), the error's type and message, never the raw callbackUrl, and no debug
 * metadata (it can hold tokens).
 */
export function nextAuthLogger(log: Logger): LoggerInstance {
  return {
    error(code, metadata) {
      const error = metadata instanceof Error ? metadata : metadata?.error;
      log.error(
        {
          nextAuth: code,
          err: QUOTES_INPUT.has(code) ? { type: error?.name, message: 'the value is not a URL' } : error,
        },
        'next-auth error',
      );
    },
    warn(code) {
      log.warn({ nextAuth: code }, 'next-auth warning');
    },
    debug(code) {
      log.debug({ nextAuth: code }, 'next-auth debug');
    },
  };
}
