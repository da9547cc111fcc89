import 'server-only';
import type { organizationProfiles, ParticipantTagEntry } from '@/db/schema';

type ProfileRow = typeof organizationProfiles.$inferSelect;

/** The fields of an organization profile that leave the server. */
export const presentProfile = (p: ProfileRow) => ({
  _id: p.id,
  organizationId: p.organizationId,
  name: p.name,
  taxId: p.taxId,
  duns: p.duns,
  participantTypes: p.participantTypes,
  participantTags: p.participantTags,
  status: p.status,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

/** The admin view also names the organization. */
export const presentAdminProfile = (p: ProfileRow & { organizationName: string }) => ({
  ...presentProfile(p),
  organizationName: p.organizationName,
});

type TagInput = {
  tag: string;
  measurers?: { identifier: string; standardTypes: string[] }[];
  verifiers?: { identifier: string }[];
};

/** Tags are stored whole, `{tag, measurers, verifiers}` with empty lists rather than absent ones. */
export const toStoredTags = (tags: TagInput[] | undefined): ParticipantTagEntry[] =>
  (tags ?? []).map((t) => ({
    tag: t.tag,
    measurers: (t.measurers ?? []).map((m) => ({
      identifier: m.identifier,
      standardTypes: [...m.standardTypes],
    })),
    verifiers: (t.verifiers ?? []).map((v) => ({ identifier: v.identifier })),
  }));
