import 'server-only';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { authorize } from '@/server/core/access/authorize';
import { activeOrganizationIds } from '@/server/core/active-organization';
import type { UserContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { ANY_KEY, DEFAULT_LIMIT, decodeCursor, toPage, UUID_KEY } from '@/server/core/pagination';
import { sortedKeyset } from '@/server/core/query/sort';
import type { memberListInput } from '../schemas';
import {
  countMembers,
  hasFilters,
  memberOrders,
  presentMember,
  selectMembers,
  selectMembersInOrder,
} from './member-query';

/**
 * #16: the organization's members, invited and active, with their roles. The organization is the
 * one named in the body, else the active one (x-active-organization-id), else the user's only one.
 */
export async function listMembers(ctx: UserContext, input: z.infer<typeof memberListInput>) {
  const { principal } = ctx;
  const organizationId =
    input.organizationId ?? ctx.organization?.id ?? (await onlyMembership(ctx.db, principal.userId));
  await authorize(ctx, 'organization.read', { organizationId });
  const limit = input.limit ?? DEFAULT_LIMIT;
  const order = sortedKeyset(memberOrders, users.id, { field: 'email', direction: 'asc' }, input);
  const filters = { status: input.status, search: input.search || undefined };
  const total = await countMembers(ctx.db, organizationId, filters);
  if (!input.sort && !input.offset && !hasFilters(filters)) {
    // the usual first and next pages: the one prepared statement (email order)
    const after = decodeCursor(input.cursor, [ANY_KEY, UUID_KEY]);
    const rows = await selectMembers(ctx.db, organizationId, { after, limit: limit + 1 });
    return { ...toPage(rows, limit, (r) => [r.emailKey, r.userId], presentMember), total };
  }
  const rows = await selectMembersInOrder(ctx.db, organizationId, order, {
    limit: limit + 1,
    offset: input.offset ?? 0,
    filters,
  });
  return { ...order.page(rows, limit, (r) => r.userId, presentMember), total };
}

async function onlyMembership(db: Db, userId: string) {
  const rows = await activeOrganizationIds(db, userId);
  if (rows.length === 1) return rows[0]!;
  throw new AppError(
    'VALIDATION_FAILED',
    'Name the organization: organizationId or x-active-organization-id.',
    {
      errors: [
        {
          path: 'organizationId',
          message:
            rows.length === 0
              ? 'is required: you are not an active member of any organization'
              : 'is required when you belong to several organizations (or send x-active-organization-id)',
        },
      ],
    },
  );
}
