import { notFound } from 'next/navigation';
import { cache } from 'react';
import { requirePrincipal } from '@/server/modules/auth/current-principal';
import { serverCaller } from '@/server/modules/auth/server-caller';

/**
 * The platform staff member viewing /admin, shared by the layout and its pages (which Next renders
 * side by side, so each page checks too). Anyone else gets a 404: the console is not advertised.
 */
export const adminViewer = cache(async () => {
  const actor = await requirePrincipal();
  const roles = actor.platformRoles;
  if (!roles.includes('platform.admin') && !roles.includes('platform.support')) notFound();
  const caller = await serverCaller(actor);
  return { actor, caller, canWrite: roles.includes('platform.admin') };
});

/** A malformed id is a 400 and a missing one a 404: both are "not found" to a page. */
export function notFoundOnMissing(error: unknown): never {
  if (['NOT_FOUND', 'BAD_REQUEST'].includes((error as { code?: string } | null)?.code ?? '')) notFound();
  throw error;
}
