import { cache } from 'react';
import { requirePrincipal } from '@/server/modules/auth/current-principal';
import { serverCaller } from '@/server/modules/auth/server-caller';

/** `auth.me` for this request, shared by the layout and its page (one lookup, not two). */
export const currentMe = cache(async () => {
  const actor = await requirePrincipal();
  const caller = await serverCaller(actor);
  return { actor, caller, me: await caller.auth.me() };
});

export type Me = Awaited<ReturnType<typeof currentMe>>['me'];
