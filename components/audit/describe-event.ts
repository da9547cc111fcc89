import { roleName } from '@/components/organizations/roles';
import type { AuditEvent } from '@/components/organizations/types';
import { auditWords } from '@/server/modules/catalog';

/**
 * What happened, as the second half of "<who> …"; the object is the event's subject or target.
 * The words are the module's (server/modules/<area>/audit.ts); an action without a phrase reads
 * by its label, one no module declares by its code.
 */
export function describeAction(action: string): string {
  const words = auditWords(action);
  if (!words) return action;
  return words.phrase ?? words.label.charAt(0).toLowerCase() + words.label.slice(1);
}

/**
 * Who did it: an API key (named with its client id: the partner system, not its creator, made
 * the call), a person, Provena's staff (never named to tenants), or the platform itself (a job).
 */
export const describeActor = ({ actor, actorKey }: AuditEvent) =>
  actorKey
    ? `API key ${actorKey.name} (${actorKey.clientId})`
    : !actor
      ? 'The platform'
      : 'staff' in actor
        ? actor.name
        : actor.email;

/** What it was done to: the person, else the record's name when the event kept one. */
export function describeTarget(event: AuditEvent, profileName: (id: string) => string | undefined): string {
  // "joined the organization", "declined the invitation": the sentence is already complete.
  if (auditWords(event.action)?.complete) return '';
  if (event.subject) return event.subject.email;
  if (event.targetType === 'organization_profile' || event.targetType === 'profile') {
    const name = (event.targetId && profileName(event.targetId)) ?? stringField(event.data, 'name');
    return name ? `Profile ${name}` : 'A profile';
  }
  return stringField(event.data, 'name') ?? '';
}

function stringField(data: Record<string, unknown>, key: string): string | undefined {
  const value = data[key];
  return typeof value === 'string' && value ? value : undefined;
}

const fieldNames: Record<string, string> = {
  name: 'name',
  taxId: 'tax id',
  duns: 'DUNS number',
  participantTags: 'participant tags',
  participantTypes: 'participant types',
  address: 'address',
  status: 'status',
};

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** The change itself, where the event recorded one: roles added and removed, fields changed. */
export function describeDetails(event: AuditEvent, profileName: (id: string) => string | undefined): string {
  const { data } = event;
  const parts: string[] = [];
  if (event.action === 'member.profile_roles.changed' && typeof data.profileId === 'string')
    parts.push(`on ${profileName(data.profileId) ?? 'a profile'}`);
  const added = strings(data.added).map(roleName);
  const removed = strings(data.removed).map(roleName);
  if (added.length) parts.push(`added ${added.join(', ')}`);
  if (removed.length) parts.push(`removed ${removed.join(', ')}`);
  const changed = strings(data.changed).map((field) => fieldNames[field] ?? field);
  if (changed.length) parts.push(`changed ${changed.join(', ')}`);
  return parts.join('; ');
}
