import { Writable } from 'node:stream';
import pino from 'pino';

/** A pino logger at debug level writing into memory: `lines()` is what it wrote, one entry a line. */
export function captureLog() {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return {
    log: pino({ level: 'debug' }, stream),
    text: () => text,
    lines: () => text.split('\n').filter((line) => line !== ''),
  };
}
