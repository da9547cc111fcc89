import { roleName } from '../roles';
import type { AuditEvent } from '../types';

/** What happened, as the second half of "<who> …"; the object is the event's subject or target. */
export const actionWords: Record<string, string> = {
  'organization.created': 'created the organization',
  'organization.updated': "changed the organization's details",
  'organization.archived': 'archived the organization',
  'organization.restored': 'restored the organization',
  'profile.created': 'created a profile',
  'profile.updated': 'changed a profile',
  'member.invited': 'invited',
  'member.added': 'added an existing account',
  'member.invitation.resent': 'resent the invitation of',
  'member.invitation.cancelled': 'cancelled the invitation of',
  'member.invitation.declined': 'declined the invitation',
  'member.joined': 'joined the organization',
  'member.removed': 'removed',
  'member.left': 'left the organization',
  'member.roles.changed': 'changed the organization roles of',
  'member.profile_roles.changed': 'changed the profile roles of',
};

/** Prefix filters (the list takes an action, or a prefix ending in "."). */
export const actionGroups: { value: string; label: string }[] = [
  { value: 'member.', label: 'Everything about members' },
  { value: 'profile.', label: 'Everything about profiles' },
  { value: 'organization.', label: 'Everything about the organization' },
];

export const describeAction = (action: string) => actionWords[action] ?? action;

/** Who did it: a person, Provena's staff (never named to tenants), or the platform itself (an API client or a job). */
export const describeActor = ({ actor }: AuditEvent) =>
  !actor ? 'The platform' : 'staff' in actor ? actor.name : actor.email;

/** What it was done to: the person, else the record's name when the event kept one. */
export function describeTarget(event: AuditEvent, profileName: (id: string) => string | undefined): string {
  // "joined the organization", "declined the invitation": the sentence is already complete.
  if (['member.joined', 'member.left', 'member.invitation.declined'].includes(event.action)) return '';
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
