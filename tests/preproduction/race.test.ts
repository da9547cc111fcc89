import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect } from 'vitest';
import { auditEvents, users } from '@/db/schema';
import { callerAs } from '../helpers/callers';
import { raceTest } from '../helpers/race';
import { createUser, signedIn, testRuntime } from '../helpers/runtime';
import { type ProductionCopy, seedProductionCopy } from './fixtures';

/** Two admins reset at once: one reset runs whole, the other waits for it and finds its session ended. */
const rt = testRuntime({ APP_ENV: 'preproduction' });
let copy: ProductionCopy;
beforeAll(async () => {
  copy = await seedProductionCopy(rt);
});

describe('preproduction reset: concurrency', () => {
  raceTest('two concurrent resets never interleave: one wins, the other is refused', async () => {
    const second = await createUser(rt, { platformRoles: ['platform.admin'] });
    const secondCtx = await signedIn(rt, second.id);
    const results = await Promise.allSettled([
      callerAs(rt, copy.callerCtx).admin.preproduction.reset({ password: 'temporary-password' }),
      callerAs(rt, secondCtx).admin.preproduction.reset({ password: 'another-temporary-one' }),
    ]);
    const won = results.findIndex((r) => r.status === 'fulfilled');
    const lost = 1 - won;
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refusal = results[lost] as PromiseRejectedResult;
    expect((refusal.reason as { cause?: { code?: string } }).cause?.code).toBe('UNAUTHENTICATED');
    const events = await rt.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'preproduction.reset'));
    expect(events).toHaveLength(1);
    // the winner kept its email, the loser's was rewritten; every user has the winner's password
    const [winner, loser] = won === 0 ? [copy.caller, second] : [second, copy.caller];
    const rows = await rt.db.select().from(users);
    expect(rows.find((u) => u.id === winner.id)!.email).toBe(winner.email);
    expect(rows.find((u) => u.id === loser.id)!.email).toBe(`user-${loser.id}@preproduction.invalid`);
    const password = won === 0 ? 'temporary-password' : 'another-temporary-one';
    expect(new Set(rows.map((u) => u.passwordHash)).size).toBe(1);
    expect(await rt.hasher.verify(rows[0]!.passwordHash!, password)).toBe(true);
    expect((events[0]!.data as { users: number }).users).toBe(rows.length);
  });
});
