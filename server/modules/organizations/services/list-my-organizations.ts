import 'server-only';
import type { UserContext } from '@/server/core/context';
import { loadMemberships } from './load-memberships';

/** #12: the organizations the user is an active member of, each with the profiles they may read and their flags. */
export async function listMyOrganizations(ctx: UserContext) {
  const memberships = await loadMemberships(ctx.db, ctx.principal);
  return {
    items: memberships.map((m) => ({
      _id: m._id,
      name: m.name,
      status: m.status,
      roles: [...m.roles].sort(),
      permissions: m.permissions,
      profiles: m.profiles.map((p) => ({
        _id: p._id,
        name: p.name,
        participantTags: p.participantTags.map((t) => ({
          tag: t.tag,
          measurers: t.measurers ?? [],
          verifiers: t.verifiers ?? [],
        })),
        roles: [...p.roles].sort(),
        permissions: p.permissions,
        flags: p.flags,
      })),
    })),
  };
}
