import 'server-only';
import { z } from 'zod';
import { message, uuidSchema } from '@/server/modules/auth/schemas';
import { basinSchema } from '@/server/modules/locations/schemas';

/**
 * The retirement statement's data: everything printed comes from here (the template reads no
 * database), so the certificate ledger can feed it later. Quantities are whole MMBtu.
 */

export const MAX_RETIREMENT_ITEMS = 5000;
export const retirementPurposes = [
  'ghgp_scope3',
  'voluntary',
  'compliance',
  'eu_methane_regulation',
] as const;
export const purposeWords: Record<(typeof retirementPurposes)[number], string> = {
  ghgp_scope3: 'GHG Protocol Scope 3 reporting',
  voluntary: 'Voluntary claim',
  compliance: 'Compliance obligation',
  eu_methane_regulation: 'EU Methane Regulation (2024/1787) importer information',
};
export const standards = ['OGCI', 'NGSI'] as const;

const text = (max = 200) =>
  z
    .string(message('must be text'))
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` });

const monthOrDay = z
  .string(message('must be a date (YYYY-MM or YYYY-MM-DD)'))
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, {
    error: 'must be a date (YYYY-MM or YYYY-MM-DD)',
  })
  .refine((value) => value.length === 7 || !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), {
    error: 'must be a real date',
  })
  .refine((value) => value.length === 7 || new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), {
    error: 'must be a real date',
  });

/** A period of months or days; `from` may not be after `to` (a month covers all its days). */
export const periodSchema = z
  .strictObject(
    { from: monthOrDay, to: monthOrDay },
    message('must be an object with from and to (YYYY-MM or YYYY-MM-DD)'),
  )
  .refine((p) => p.from.slice(0, p.to.length) <= p.to, { error: 'from must not be after to', path: ['to'] });

export const batchSchema = z
  .string(message('must be text'))
  .trim()
  .regex(/^PRV-\d{4}(0[1-9]|1[0-2])-[A-Z0-9]{1,16}-[1-9]\d{0,8}$/, {
    error: 'must be a batch serial PRV-{YYYYMM}-{facilityCode}-{batchNo}, e.g. PRV-202611-PERM01-3',
  });

const unit = z
  .number(message('must be a number'))
  .int({ error: 'must be a whole number' })
  .min(1, { error: 'must be at least 1 (units are numbered from 1)' })
  .max(1e12, { error: 'must be at most 1000000000000' });

const serialsSchema = z
  .strictObject(
    { batch: batchSchema, first: unit, last: unit },
    message('must be an object with batch, first and last'),
  )
  .refine((s) => s.first <= s.last, { error: 'last must not be before first', path: ['last'] });

const intensitySchema = z
  .number(message('must be a number (percent)'))
  .min(0, { error: 'must be between 0 and 100 (percent)' })
  .max(100, { error: 'must be between 0 and 100 (percent)' })
  .refine((v) => Math.abs(v * 10_000 - Math.round(v * 10_000)) < 1e-6, {
    error: 'must have at most 4 decimals',
  });

export const retirementItemSchema = z
  .strictObject(
    {
      serials: serialsSchema.optional(),
      certificateIds: z
        .array(text(100), message('must be a list of certificate ids'))
        .min(1, { error: 'must list at least one certificate id' })
        .max(1000, { error: 'must list at most 1000 certificate ids' })
        .optional(),
      quantity: z
        .number(message('must be a number (MMBtu)'))
        .int({ error: 'must be whole MMBtu' })
        .positive({ error: 'must be more than 0' })
        .max(1e12, { error: 'must be at most 1000000000000' }),
      producer: text(),
      facility: text(),
      basin: basinSchema,
      productionPeriod: periodSchema,
      methaneIntensity: intensitySchema,
      standard: z.enum(standards, { error: `must be one of: ${standards.join(', ')}` }),
      measurer: text(),
      verifier: text(),
    },
    message('must be an object'),
  )
  .superRefine((item, ctx) => {
    if ((item.serials === undefined) === (item.certificateIds === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['serials'],
        message: 'give exactly one of serials or certificateIds',
      });
    if (item.serials && item.serials.first <= item.serials.last) {
      const units = item.serials.last - item.serials.first + 1;
      if (units !== item.quantity)
        ctx.addIssue({
          code: 'custom',
          path: ['quantity'],
          message: `must equal the serial range's ${units} units (last - first + 1)`,
        });
    }
  });

export const retirementDataSchema = z
  .strictObject(
    {
      profileId: uuidSchema.describe('the retiring profile: its users may download the statement'),
      retiringOrganization: z.strictObject(
        { name: text(), profileName: text() },
        message('must be an object with name and profileName'),
      ),
      beneficiary: z.strictObject(
        {
          name: text(),
          country: z
            .string(message('must be text'))
            .regex(/^[A-Z]{2}$/, { error: 'must be a two-letter country code (ISO 3166-1), e.g. US' })
            .optional(),
        },
        message('must be an object with name (and country)'),
      ),
      purpose: z.enum(retirementPurposes, { error: `must be one of: ${retirementPurposes.join(', ')}` }),
      reportingPeriod: periodSchema,
      retiredAt: monthOrDay.optional().describe('the day of retirement (YYYY-MM-DD)'),
      items: z
        .array(retirementItemSchema, message('must be a list of retired items'))
        .min(1, { error: 'must list at least one retired item' })
        .max(MAX_RETIREMENT_ITEMS, { error: `must list at most ${MAX_RETIREMENT_ITEMS} items` }),
      notes: z
        .string(message('must be text'))
        .trim()
        .max(2000, { error: 'must be at most 2000 characters' })
        .optional(),
    },
    message('must be an object'),
  )
  .superRefine((data, ctx) => {
    // two items of one statement may not retire the same unit twice
    const byBatch = new Map<string, { index: number; first: number; last: number }[]>();
    data.items.forEach((item, index) => {
      if (!item.serials || item.serials.first > item.serials.last) return;
      const { batch, first, last } = item.serials;
      const seen = byBatch.get(batch) ?? [];
      for (const other of seen) {
        if (first <= other.last && other.first <= last)
          ctx.addIssue({
            code: 'custom',
            path: ['items', index, 'serials'],
            message: `overlaps items.${other.index}.serials in batch ${batch}`,
          });
      }
      seen.push({ index, first, last });
      byBatch.set(batch, seen);
    });
  });

export type RetirementData = z.output<typeof retirementDataSchema>;
export type RetirementItem = RetirementData['items'][number];
