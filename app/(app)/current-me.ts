import { cache } from 'react';
import { requireActor } from '@/server/modules/auth/current-actor';
import { serverCaller } from '@/server/modules/auth/server-caller';

/** `auth.me` for this request, shared by the layout and its page (one lookup, not two). */
export const currentMe = cache(async () => {
  const actor = await requireActor();
  const caller = await serverCaller(actor);
  return { actor, caller, me: await caller.auth.me() };
});

export type Me = Awaited<ReturnType<typeof currentMe>>['me'];
