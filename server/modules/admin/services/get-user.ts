import 'server-only';
import type { z } from 'zod';
import type { UserContext } from '@/server/core/context';
import type { userIdInput } from '../users/schemas';
import { loadUserDetail } from './user-detail';

/** #30: the user with role links, TFA methods (never a secret), memberships and last sign-in. */
export const getUser = (ctx: UserContext, input: z.infer<typeof userIdInput>) =>
  loadUserDetail(ctx.db, input.userId);
