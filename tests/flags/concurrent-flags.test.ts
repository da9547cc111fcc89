import { and, eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { auditEvents } from '@/db/schema';
import { callerAs } from '../helpers/callers';
import { createTenant } from '../helpers/organizations';
import { raceTest } from '../helpers/race';
import { signedIn, testRuntime } from '../helpers/runtime';

/** flags.set locks the profile first: concurrent changes queue, so each event's `before` is true. */
const rt = testRuntime();

describe('concurrent flag changes', () => {
  raceTest('records a chain of events in which each before is the after of the one before', async () => {
    const tenant = await createTenant(rt);
    const changes = [
      [{ flag: 'GHGP' as const, value: true }],
      [{ flag: 'BOOK_AND_CLAIM' as const, value: true }],
      [{ flag: 'GHGP' as const, value: false }],
      [{ flag: 'BOOK_AND_CLAIM' as const, value: false }],
    ];
    // a session (a connection's worth of callers) per change, all sent at once
    const callers = await Promise.all(
      changes.map(async () => callerAs(rt, await signedIn(rt, tenant.admin.id))),
    );
    await Promise.all(
      changes.map((flags, i) => callers[i]!.flags.set({ profileId: tenant.profile.id, flags })),
    );
    const events = await rt.db
      .select({ data: auditEvents.data })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'flags.changed'), eq(auditEvents.targetId, tenant.profile.id)));
    expect(events).toHaveLength(changes.length);
    // each change differs from every state it can meet, so each records an event; every event
    // starts from what another left, the first from nothing
    type Flags = Record<string, boolean>;
    const key = (flags: unknown) => JSON.stringify(Object.entries(flags as Flags).sort());
    const befores = events.map((e) => key(e.data.before));
    const afters = events.map((e) => key(e.data.after));
    expect(befores.filter((b) => b === key({}))).toHaveLength(1);
    for (const before of befores) if (before !== key({})) expect(afters).toContain(before);
    const final = await callerAs(rt, tenant.adminCtx).flags.get({ profileId: tenant.profile.id });
    expect(afters.filter((a) => a === key(final.flags)).length).toBeGreaterThanOrEqual(1);
  });
});
