import { z } from 'zod';
import {
  measurers,
  participantTagCodes,
  participantTags,
  participantTypeCodes,
  standardTypeCodes,
  verifiers,
} from './catalog';

/** Participant types and tags of a profile, checked against the catalog in ./catalog.ts. */
const tagCodeSchema = z.enum(participantTagCodes as [string, ...string[]]);
const measurerIdSchema = z.enum(Object.keys(measurers) as [string, ...string[]]);
const verifierIdSchema = z.enum(Object.keys(verifiers) as [string, ...string[]]);
const standardTypeSchema = z.enum(standardTypeCodes as [string, ...string[]]);

export const participantTypesSchema = z
  .array(z.enum(participantTypeCodes as [string, ...string[]]))
  .max(participantTypeCodes.length)
  .refine((types) => new Set(types).size === types.length, 'must not repeat a type');

const participantTagInput = z.strictObject({
  tag: tagCodeSchema,
  measurers: z
    .array(
      z.strictObject({
        identifier: measurerIdSchema,
        standardTypes: z.array(standardTypeSchema).min(1, 'needs at least one standard type').max(10),
      }),
    )
    .max(20)
    .optional(),
  verifiers: z
    .array(z.strictObject({ identifier: verifierIdSchema }))
    .max(20)
    .optional(),
});

/** Tags replace the profile's whole list; each tag takes only the measurers and verifiers the catalog allows it. */
export const participantTagsSchema = z
  .array(participantTagInput)
  .max(participantTagCodes.length)
  .superRefine((tags, ctx) => {
    const seen = new Set<string>();
    tags.forEach((entry, i) => {
      if (seen.has(entry.tag)) ctx.addIssue({ code: 'custom', path: [i, 'tag'], message: 'is listed twice' });
      seen.add(entry.tag);
      const allowed = participantTags[entry.tag as keyof typeof participantTags];
      const allowedMeasurers: readonly string[] = allowed.measurers;
      const allowedVerifiers: readonly string[] = allowed.verifiers;
      const measurerIds = new Set<string>();
      entry.measurers?.forEach((m, j) => {
        const path = [i, 'measurers', j];
        if (!allowedMeasurers.includes(m.identifier))
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'identifier'],
            message: allowedMeasurers.length
              ? `is not a measurer for ${entry.tag}; allowed: ${allowedMeasurers.join(', ')}`
              : `${entry.tag} takes no measurers`,
          });
        if (measurerIds.has(m.identifier))
          ctx.addIssue({ code: 'custom', path: [...path, 'identifier'], message: 'is listed twice' });
        measurerIds.add(m.identifier);
        const standards: readonly string[] = measurers[m.identifier as keyof typeof measurers].standardTypes;
        m.standardTypes.forEach((s, k) => {
          if (!standards.includes(s))
            ctx.addIssue({
              code: 'custom',
              path: [...path, 'standardTypes', k],
              message: `is not a standard ${m.identifier} reports to; allowed: ${standards.join(', ')}`,
            });
        });
        if (new Set(m.standardTypes).size !== m.standardTypes.length)
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'standardTypes'],
            message: 'must not repeat a type',
          });
      });
      const verifierIds = new Set<string>();
      entry.verifiers?.forEach((v, j) => {
        if (!allowedVerifiers.includes(v.identifier))
          ctx.addIssue({
            code: 'custom',
            path: [i, 'verifiers', j, 'identifier'],
            message: allowedVerifiers.length
              ? `is not a verifier for ${entry.tag}; allowed: ${allowedVerifiers.join(', ')}`
              : `${entry.tag} takes no verifiers`,
          });
        if (verifierIds.has(v.identifier))
          ctx.addIssue({
            code: 'custom',
            path: [i, 'verifiers', j, 'identifier'],
            message: 'is listed twice',
          });
        verifierIds.add(v.identifier);
      });
    });
  });

export const participantTagOutput = z.object({
  tag: z.string(),
  measurers: z.array(z.object({ identifier: z.string(), standardTypes: z.array(z.string()) })),
  verifiers: z.array(z.object({ identifier: z.string() })),
});
