import { describe, expect, it } from 'vitest';
import { formatJson, parseData, readPath, schemaEnum, writePath } from '@/components/admin/reports/json-data';
import { parseReportFilters, reportFilterValues } from '@/components/reports/report-url-filters';
import { formatBytes, isRendering, reportState } from '@/components/reports/report-words';
import { stateWord } from '@/components/words';

/** Issue 11, the reports screens: the list filters from the URL, the render form's JSON, the words. */
describe('the reports lists read their filters from the URL', () => {
  it('keeps what the server accepts and drops the rest', () => {
    expect(
      parseReportFilters({ template: 'retirement', status: 'ready', voided: 'yes', q: ' RS-2026 ' }),
    ).toEqual({ template: 'retirement', status: 'ready', voided: true, search: 'RS-2026' });
    expect(parseReportFilters({ template: 'bragging', status: 'done', voided: 'maybe', q: '  ' })).toEqual(
      {},
    );
    expect(parseReportFilters({ voided: 'no' }).voided).toBe(false);
    expect(parseReportFilters({ q: 'x'.repeat(500) }).search).toHaveLength(200);
  });

  it('shows the menus the same values back', () => {
    expect(reportFilterValues({ voided: false, status: 'failed' })).toEqual({
      template: undefined,
      status: 'failed',
      voided: 'no',
    });
  });
});

describe('the render form reads and writes its JSON', () => {
  it('says at once why the text is not data, with the line', () => {
    expect(parseData('')).toMatchObject({ ok: false, empty: true });
    expect(parseData('[1, 2]')).toEqual({ ok: false, message: 'The data must be a JSON object: { … }.' });
    const broken = parseData('{\n  "a": 1,\n}');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.message).toMatch(/^Not valid JSON: .*\(line 3, column 1\)$/);
    expect(parseData('{"a": {"b": 2}}')).toEqual({ ok: true, data: { a: { b: 2 } } });
  });

  it('writes a header field into a copy of the data, making objects on the way, and removes it when emptied', () => {
    const data = { profileId: 'p', beneficiary: { name: 'Contoso' } };
    const next = writePath(data, 'beneficiary.country', 'US');
    expect(next).toEqual({ profileId: 'p', beneficiary: { name: 'Contoso', country: 'US' } });
    expect(data.beneficiary).toEqual({ name: 'Contoso' });
    expect(writePath({}, 'reportingPeriod.from', '2026-01')).toEqual({
      reportingPeriod: { from: '2026-01' },
    });
    expect(writePath(next, 'beneficiary.country', undefined)).toEqual(data);
    expect(readPath(next, 'beneficiary.country')).toBe('US');
    expect(readPath(next, 'beneficiary.name.first')).toBeUndefined();
    expect(formatJson({ a: 1 })).toBe('{\n  "a": 1\n}');
  });

  it('reads an enum from the template JSON Schema', () => {
    const schema = { properties: { purpose: { type: 'string', enum: ['voluntary', 'compliance'] } } };
    expect(schemaEnum(schema, 'purpose')).toEqual(['voluntary', 'compliance']);
    expect(schemaEnum(schema, 'beneficiary')).toEqual([]);
  });
});

describe('a report in words', () => {
  it('reads Void over its render status, and polls only while it is on its way', () => {
    expect(reportState({ status: 'ready', voided: true })).toBe('void');
    expect(stateWord('report', reportState({ status: 'pending', voided: false }))).toBe('Queued');
    expect(isRendering({ status: 'rendering', voided: false })).toBe(true);
    expect(isRendering({ status: 'pending', voided: true })).toBe(false);
    expect(isRendering({ status: 'failed', voided: false })).toBe(false);
  });

  it('gives sizes in the units people read', () => {
    expect(formatBytes(null)).toBe('—');
    expect(formatBytes(812)).toBe('812 B');
    expect(formatBytes(49_357)).toBe('48.2 KB');
    expect(formatBytes(3_250_000)).toBe('3.1 MB');
  });
});
