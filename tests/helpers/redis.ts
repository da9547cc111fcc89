import { connect } from 'node:net';

export const TEST_REDIS_URL = 'redis://127.0.0.1:6379';

/** Whether a Redis answers PING at 127.0.0.1:6379 within half a second. */
function pingRedis(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port: 6379 });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

/**
 * A fresh clone runs `npm test` without Redis: the Redis tests are skipped then, with the reason
 * printed. CI has a Redis and runs them.
 */
export const redisAnswers = await pingRedis();
if (!redisAnswers)
  console.warn(`Skipping the Redis tests: no Redis answers at ${TEST_REDIS_URL} (CI runs them).`);
