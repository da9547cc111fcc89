import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { readError, sentence } from '@/components/trpc/errors';
import { AppError } from '@/server/core/errors';
import { assertPasswordPolicy } from '@/server/modules/auth/services/set-password';

/** Issue 9, defects: a password both short and common gets one message per rule, not two glued with "and". */
const refusal = (errors: { path: string; message: string }[]) =>
  new TRPCClientError('The password does not meet the policy', {
    result: { error: { code: -32600, message: 'refused', data: { code: 'PASSWORD_POLICY', errors } } },
  } as never);

describe('one message per rule', () => {
  it('keeps the server refusal of a short, common password as one message per rule', () => {
    let thrown: unknown;
    try {
      assertPasswordPolicy('password');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    const error = thrown as AppError;
    expect(error.errors).toEqual([
      { path: 'password', message: 'must be at least 12 characters' },
      { path: 'password', message: 'is one of the most common passwords' },
    ]);
    expect(error.message).toBe(
      'The password must be at least 12 characters. The password is one of the most common passwords.',
    );
  });

  it('puts each rule on its own line under the field, never joined with "and"', () => {
    const read = readError(
      refusal([
        { path: 'password', message: 'must be at least 12 characters' },
        { path: 'password', message: 'is one of the most common passwords' },
        { path: 'email', message: 'is required' },
      ]),
    );
    expect(read.fields.password).toBe('must be at least 12 characters\nis one of the most common passwords');
    expect(read.fields.password).not.toContain(' and ');
    expect(sentence('The password', read.fields.password)).toBe(
      'The password must be at least 12 characters.\nThe password is one of the most common passwords.',
    );
    expect(sentence('The email', read.fields.email)).toBe('The email is required.');
    expect(sentence('The email', undefined)).toBeUndefined();
  });
});

describe('a form field shows the shared schema message as sentences', () => {
  it('puts the field name before a fragment, one sentence per rule', async () => {
    const { fieldMessage } = await import('@/components/ui/form-field');
    expect(fieldMessage('is required', 'Name')).toBe('Name is required.');
    expect(
      fieldMessage('must be at least 12 characters\nis one of the most common passwords', 'Password'),
    ).toBe('Password must be at least 12 characters.\nPassword is one of the most common passwords.');
    expect(fieldMessage('Choose a country.', 'Country')).toBe('Choose a country.');
    expect(fieldMessage(undefined, 'Name')).toBeUndefined();
  });
});

describe('relative times in lists', () => {
  it('reads as people say it', async () => {
    const { formatRelative, formatDateTime } = await import('@/components/format');
    const now = Date.parse('2026-12-02T12:00:00Z');
    expect(formatRelative('2026-12-02T11:59:50Z', now)).toBe('just now');
    expect(formatRelative('2026-12-02T11:55:00Z', now)).toBe('5 minutes ago');
    expect(formatRelative('2026-12-02T09:00:00Z', now)).toBe('3 hours ago');
    expect(formatRelative('2026-12-01T12:00:00Z', now)).toBe('yesterday');
    expect(formatRelative('2026-12-05T12:00:00Z', now)).toBe('in 3 days');
    expect(formatDateTime('2026-12-02T12:00:00Z', { timeZone: 'America/Chicago' })).toBe(
      'Dec 2, 2026, 6:00 AM CST',
    );
    expect(formatDateTime('2026-12-02T12:00:00Z', { utc: true })).toBe('Dec 2, 2026, 12:00 PM UTC');
  });
});
