import 'server-only';
import type { z } from 'zod';
import { reportTemplates, templateJsonSchema } from '../registry';
import type * as s from '../schemas';

let cached: z.infer<typeof s.reportTemplatesOutput> | undefined;

/** The templates with the JSON Schema of their data and a valid example (fixed at build time). */
export async function listTemplates(): Promise<z.infer<typeof s.reportTemplatesOutput>> {
  cached ??= {
    items: reportTemplates.map((t) => ({
      name: t.name,
      version: t.version,
      title: t.title,
      description: t.description,
      jsonSchema: templateJsonSchema(t),
      example: t.example as Record<string, unknown>,
    })),
  };
  return cached;
}
