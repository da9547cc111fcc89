import 'server-only';
import { dictionary } from '@zxcvbn-ts/language-common';
import argon2 from 'argon2';

/** OWASP's argon2id recommendation: 19 MiB, 2 iterations, 1 lane. */
export const productionHashOptions = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;
/** Tests only (NODE_ENV=test): the cheapest parameters argon2 allows, so suites stay fast. */
const testHashOptions = {
  type: argon2.argon2id,
  memoryCost: 1024,
  timeCost: 1,
  parallelism: 1,
} as const;

export type PasswordHasher = {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
  options: typeof productionHashOptions | typeof testHashOptions;
};

export function createPasswordHasher({ fastHashing }: { fastHashing: boolean }): PasswordHasher {
  const options = fastHashing ? testHashOptions : productionHashOptions;
  return {
    options,
    hash: (password) => argon2.hash(password, options),
    verify: async (hash, password) => {
      try {
        return await argon2.verify(hash, password);
      } catch {
        return false;
      }
    },
  };
}

/**
 * A hash of a password nobody has, verified when the email is unknown so that the answer takes
 * as long as for a known email with a wrong password.
 */
export async function makeDecoyHash(hasher: PasswordHasher): Promise<string> {
  return hasher.hash(`decoy-${Math.random()}`);
}

const commonPasswords = new Set(dictionary.passwords);

export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 256;

/** Returns the reasons the password is refused (empty when it is acceptable). */
export function passwordPolicyProblems(password: string, context: { email?: string } = {}): string[] {
  const problems: string[] = [];
  if (password.length < MIN_PASSWORD_LENGTH)
    problems.push(`must be at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > MAX_PASSWORD_LENGTH)
    problems.push(`must be at most ${MAX_PASSWORD_LENGTH} characters`);
  if (commonPasswords.has(password.toLowerCase())) problems.push('is one of the most common passwords');
  if (context.email && password.toLowerCase() === context.email.toLowerCase())
    problems.push('must not be your email');
  return problems;
}
