import { describe, expect, it } from 'vitest';
import { eventTypeLabel, eventTypeOptions } from '@/components/audit/audit-filter-form';
import { auditFilterFormSchema, noAuditFilters } from '@/server/modules/audit/schemas';
import { auditCatalog, auditGroups } from '@/server/modules/catalog';

/** Issue 9, defects: the audit logs' action filter is an event-type picker with readable names. */
describe('the event-type picker', () => {
  it('offers each group first, by its name, as the value the server reads as a group', () => {
    const options = eventTypeOptions('platform');
    const groups = options.filter((option) => option.group === 'Groups');
    expect(groups.map((g) => g.label)).toEqual(auditGroups.map((g) => g.label));
    expect(options.slice(0, groups.length)).toEqual(groups);
    // 'member', not 'member.': the filter's group form (tests/admin/audit-action-groups.test.ts)
    for (const group of groups) expect(group.value).toMatch(/^[a-z_]+$/);
  });

  it('names every action by its words, never its code, and finds it by its code', () => {
    const single = eventTypeOptions('platform').filter((option) => option.group === 'Single events');
    expect(single.map((o) => o.value).sort()).toEqual(Object.keys(auditCatalog).sort());
    for (const option of single) {
      expect(option.label).not.toBe(option.value);
      expect(option.keywords).toContain(option.value);
    }
  });

  it('offers an organization only the events its Activity words as sentences', () => {
    const single = eventTypeOptions('organization').filter((option) => option.group === 'Single events');
    const phrased = Object.entries(auditCatalog).filter(([, words]) => words.phrase !== undefined);
    expect(single.map((o) => o.value).sort()).toEqual(phrased.map(([action]) => action).sort());
    expect(single.length).toBeLessThan(Object.keys(auditCatalog).length);
  });

  it('labels a filter from the address, group forms included', () => {
    const [group] = auditGroups;
    expect(eventTypeLabel(group!.prefix, 'platform')).toBe(group!.label);
    expect(eventTypeLabel(group!.prefix.replace('.', '*'), 'platform')).toBe(group!.label);
    expect(eventTypeLabel('auth.login', 'platform')).toBe(auditCatalog['auth.login'].label);
    expect(eventTypeLabel('typed.by.hand', 'platform')).toBe('typed.by.hand');
  });
});

describe('the audit filter form schema', () => {
  const parse = (values: Partial<typeof noAuditFilters>) =>
    auditFilterFormSchema.safeParse({ ...noAuditFilters, ...values });

  it('takes no filters, a day span in order, and ids', () => {
    expect(parse({}).success).toBe(true);
    expect(parse({ from: '2026-11-01', to: '2026-11-01' }).success).toBe(true);
    expect(parse({ userId: '0190c3e2-5b7a-7cc1-8f00-000000000001' }).success).toBe(true);
  });

  it('refuses an end day before the start day, on the end field', () => {
    const result = parse({ from: '2026-11-02', to: '2026-11-01' });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['to'], message: 'must be on or after the start date' }),
    ]);
  });

  it('says what a user id looks like when a half one is typed', () => {
    const result = parse({ userId: '0190c3e2' });
    expect(result.error?.issues[0]?.message).toMatch(/^must be a user id such as/);
  });
});
