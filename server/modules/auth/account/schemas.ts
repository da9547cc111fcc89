import { z } from 'zod';
import { personNameSchema } from '@/server/modules/organizations/schemas';

/**
 * The signed-in person's own profile. Here rather than in ../schemas.ts because the person-name
 * rule lives with the organizations' schemas, which import ../schemas.ts (a cycle otherwise).
 */
export const updateProfileInput = z.strictObject({
  firstName: personNameSchema.min(1, 'is required'),
  lastName: personNameSchema.min(1, 'is required'),
});

/** The account page's name form: the same fields. */
export const profileForm = updateProfileInput;
