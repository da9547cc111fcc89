/** The render form's JSON: what the editor holds, parsed, or why it cannot be. */
export type ParsedData =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; message: string; empty?: boolean };

/** The editor's text as the `data` object #44 takes; the parser's own words, with the line. */
export function parseData(text: string): ParsedData {
  if (!text.trim())
    return { ok: false, empty: true, message: 'Write the data as JSON, or load the example.' };
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      return { ok: false, message: 'The data must be a JSON object: { … }.' };
    return { ok: true, data: value as Record<string, unknown> };
  } catch (error) {
    return { ok: false, message: `Not valid JSON: ${describeJsonError(text, error)}` };
  }
}

/** "Unexpected token } in JSON at position 120" becomes "… (line 6, column 3)". */
function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined) return message;
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = Number(position) - before.lastIndexOf('\n');
  return `${message.replace(/\s*\(line \d+ column \d+\)/, '')} (line ${line}, column ${column})`;
}

export const formatJson = (value: unknown) => JSON.stringify(value, null, 2);

/** Read a value at a dotted path ("beneficiary.name") of the parsed data. */
export function readPath(data: Record<string, unknown>, path: string): unknown {
  let node: unknown = data;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** A copy of the data with the value at a dotted path set (objects made on the way); undefined removes it. */
export function writePath(
  data: Record<string, unknown>,
  path: string,
  value: unknown,
): Record<string, unknown> {
  const [key, ...rest] = path.split('.') as [string, ...string[]];
  const copy = { ...data };
  if (rest.length === 0) {
    if (value === undefined) delete copy[key];
    else copy[key] = value;
    return copy;
  }
  const child = copy[key];
  copy[key] = writePath(
    child !== null && typeof child === 'object' && !Array.isArray(child)
      ? (child as Record<string, unknown>)
      : {},
    rest.join('.'),
    value,
  );
  return copy;
}

/** The choices of an enum property in a template's JSON Schema (`properties.purpose.enum`). */
export function schemaEnum(jsonSchema: Record<string, unknown>, property: string): string[] {
  const properties = jsonSchema.properties as Record<string, { enum?: unknown[] }> | undefined;
  const values = properties?.[property]?.enum;
  return Array.isArray(values) ? values.filter((v): v is string => typeof v === 'string') : [];
}
