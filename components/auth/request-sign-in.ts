import { signIn } from 'next-auth/react';

export type Credentials = { email: string; secret: string; tfaCode: string };

/**
 * Signs in through next-auth's Credentials provider. Returns null on success, else the login
 * service's stable code (see sign-in-errors.ts), or NETWORK when the server could not be reached.
 */
export async function requestSignIn(credentials: Credentials): Promise<string | null> {
  for (let attempt = 0; attempt < 2; attempt++) {
    let result: Awaited<ReturnType<typeof signIn>>;
    try {
      result = await signIn('credentials', { redirect: false, ...credentials });
    } catch {
      return 'NETWORK';
    }
    if (!result) return 'INTERNAL';
    if (result.error) return result.error;
    // In a fresh browser, next-auth's first requests race to set its CSRF cookie, and a sign-in
    // carrying the losing token is refused before the credentials are read, as "ok" with a URL
    // to next-auth's own page (?csrf=true) rather than an error. The cookie has settled by now.
    if (result.url?.includes('csrf=true')) continue;
    return result.ok ? null : 'INTERNAL';
  }
  return 'INTERNAL';
}
