import { describe, expect, it } from 'vitest';
import { describeAction, describeDetails, describeTarget } from '@/components/audit/describe-event';
import type { AuditEvent } from '@/components/organizations/types';
import { auditGroups, auditWords } from '@/server/modules/catalog';

/** flags.changed reads as a sentence in the activity log and has its group in the action filter. */
describe('the wording of flags.changed', () => {
  const event = {
    _id: 'e1',
    at: '2026-05-04T09:30:00.000Z',
    action: 'flags.changed',
    actor: { _id: 'u1', email: 'user@example.com' },
    subject: null,
    organizationId: 'o1',
    targetType: 'organization_profile',
    targetId: 'p1',
    data: { name: 'Permian Production', changed: ['GHGP'], before: {}, after: { GHGP: true } },
  } as unknown as AuditEvent;

  it('says who changed the flags of which profile, and which flags', () => {
    expect(auditWords('flags.changed')?.label).toBe('Changed feature flags');
    expect(describeAction('flags.changed')).toBe('changed the feature flags of');
    expect(describeTarget(event, () => undefined)).toBe('Profile Permian Production');
    expect(describeDetails(event, () => undefined)).toBe('changed GHGP');
  });

  it('offers every flags action as one group in the filters', () => {
    expect(auditGroups).toContainEqual({ prefix: 'flags.', label: 'Everything about feature flags' });
  });
});
