import { emailSchema } from '@/server/modules/auth/schemas';

/** The same rule the server applies, checked before a round trip; a message, or undefined when fine. */
export function checkEmail(value: string): string | undefined {
  if (!value.trim()) return 'Enter your email address.';
  return emailSchema.safeParse(value.trim()).success
    ? undefined
    : 'Enter a valid email address, like name@example.com.';
}
