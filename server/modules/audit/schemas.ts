import { z } from 'zod';
import { message, uuidSchema } from '@/server/modules/auth/schemas';

/**
 * How both audit lists (an organization's and the staff log) read `action`; stated once, so the
 * API reference, the filter forms and the query agree (services/action-filter).
 */
export const auditActionFilter = z
  .string(message('must be text'))
  .trim()
  .max(100)
  .optional()
  .describe(
    'an exact action such as auth.login; a group by its first segment, such as member (member and every member.* action); or a prefix ending in "." or "*", such as member.invitation.',
  );

const day = z
  .string(message('must be text'))
  .regex(/^$|^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date such as 2026-12-01' });
const idOrNone = (what: string) =>
  z
    .string(message('must be text'))
    .trim()
    .refine((text) => text === '' || uuidSchema.safeParse(text).success, {
      error: `must be ${what} id such as 0190c3e2-…: pick one from the search instead`,
    });

/**
 * The audit filters as a filter form holds them: '' for "any", days (yyyy-mm-dd) in the reader's
 * zone, the end day on or after the start day.
 */
export const auditFilterFormSchema = z
  .object({
    action: z.string(message('must be text')).trim().max(100),
    userId: idOrNone('a user'),
    organizationId: idOrNone('an organization'),
    from: day,
    to: day,
  })
  .refine((filters) => !filters.from || !filters.to || filters.from <= filters.to, {
    path: ['to'],
    message: 'must be on or after the start date',
  });
export type AuditFilterValues = z.input<typeof auditFilterFormSchema>;
export const noAuditFilters: AuditFilterValues = {
  action: '',
  userId: '',
  organizationId: '',
  from: '',
  to: '',
};
