import { describe, expect, it } from 'vitest';
import { localPath } from '@/components/auth/local-path';

describe('the sign-in callbackUrl', () => {
  it('keeps a path on this site, with its query', () => {
    expect(localPath('/admin/preproduction')).toBe('/admin/preproduction');
    expect(localPath('/admin/users?q=a%2Fb')).toBe('/admin/users?q=a%2Fb');
  });

  it.each([
    ['another origin', 'https://evil.example/'],
    ['a protocol-relative URL', '//evil.example/x'],
    ['a backslash read as a slash', '/\\evil.example'],
    ['a script URL', 'javascript:alert(1)'],
    ['a control character', '/admin\n/x'],
    ['a relative path', 'admin'],
    ['not text', ['/admin']],
    ['a very long value', `/${'a'.repeat(2048)}`],
  ])('refuses %s', (_, value) => {
    expect(localPath(value)).toBeUndefined();
  });
});
