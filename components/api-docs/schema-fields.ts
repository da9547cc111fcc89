import type { JsonSchema } from './openapi-types';

export type FieldRow = { name: string; type: string; required: boolean; notes: string[] };

const MAX_DEPTH = 4;

function typeOf(schema: JsonSchema): string {
  if (schema.$ref) return schema.$ref.split('/').pop() ?? 'object';
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(' or ');
  if (schema.type === 'array') return `${schema.items ? typeOf(schema.items) : 'any'}[]`;
  if (Array.isArray(schema.type)) return schema.type.join(' or ');
  return schema.type ?? 'any';
}

function notesOf(schema: JsonSchema): string[] {
  const notes: string[] = [];
  const plain = schema.anyOf?.find((option) => option.type !== 'null') ?? schema;
  if (plain.description ?? schema.description) notes.push((plain.description ?? schema.description)!);
  if (plain.format) notes.push(`format: ${plain.format}`);
  if (plain.minLength === 1) notes.push('not empty');
  else if (plain.minLength !== undefined && plain.minLength > 1)
    notes.push(`at least ${plain.minLength} characters`);
  if (plain.maxLength !== undefined) notes.push(`at most ${plain.maxLength} characters`);
  if (plain.minimum !== undefined) notes.push(`≥ ${plain.minimum}`);
  if (plain.maximum !== undefined) notes.push(`≤ ${plain.maximum}`);
  if (plain.minItems !== undefined && plain.minItems === plain.maxItems)
    notes.push(`exactly ${plain.minItems} items`);
  return notes;
}

/** The object (if any) whose fields a row should be followed by: itself, its non-null option, or its items. */
function nestedObject(schema: JsonSchema): { schema: JsonSchema; suffix: string } | null {
  if (schema.properties) return { schema, suffix: '' };
  const option = schema.anyOf?.find((candidate) => candidate.properties);
  if (option) return { schema: option, suffix: '' };
  if (schema.type === 'array' && schema.items?.properties) return { schema: schema.items, suffix: '[]' };
  return null;
}

/** A JSON schema's fields as flat rows ("user.email", "items[]._id"), nested objects included. */
export function schemaFields(schema: JsonSchema, prefix = '', depth = 0): FieldRow[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([key, child]) => {
    const name = prefix ? `${prefix}.${key}` : key;
    const nested = depth < MAX_DEPTH ? nestedObject(child) : null;
    const row: FieldRow = {
      name,
      type: nested && !child.anyOf ? (nested.suffix ? 'object[]' : 'object') : typeOf(child),
      required: required.has(key),
      notes: notesOf(child),
    };
    return [row, ...(nested ? schemaFields(nested.schema, `${name}${nested.suffix}`, depth + 1) : [])];
  });
}
