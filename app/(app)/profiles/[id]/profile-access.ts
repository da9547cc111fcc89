import { notFound } from 'next/navigation';
import { cache } from 'react';
import { currentMe } from '../../current-me';

/** A malformed or foreign id is refused like a missing one (400/404): both are "not found" here. */
const isMissing = (error: unknown) =>
  ['NOT_FOUND', 'BAD_REQUEST'].includes((error as { code?: string } | null)?.code ?? '');

/**
 * The profile of this request and what the user may do on it, shared by the profile's layout and
 * its pages (one lookup). Permissions come from the user's roles in the profile's own organization;
 * its flags decide which gated modules show.
 */
export const profileAccess = cache(async (profileId: string) => {
  const { caller, me } = await currentMe();
  const [profile, organizations] = await Promise.all([
    caller.profiles.get({ profileId }).catch((error: unknown) => {
      if (isMissing(error)) notFound();
      throw error;
    }),
    caller.organizations.list(),
  ]);
  const organization = organizations.items.find((o) => o._id === profile.organizationId);
  const listed = organization?.profiles.find((p) => p._id === profile._id);
  const permissions = new Set(listed?.permissions ?? []);
  // the flags the user may read, from the same list (organizations.list carries them)
  const flags = listed?.flags ?? {};
  return {
    caller,
    me,
    profile,
    organization,
    flags,
    can: (permission: string) => permissions.has(permission),
  };
});
