import {
  measurers,
  participantTags,
  participantTypes,
  standardTypes,
  verifiers,
} from '@/server/modules/profiles/catalog';

/**
 * Names for the codes a profile holds. The catalog is plain code the server validates against, so
 * the browser imports the same module instead of fetching a copy; an unknown code shows as itself.
 */
const lookUp = <T>(table: Record<string, T>, code: string): T | undefined =>
  Object.hasOwn(table, code) ? table[code] : undefined;

export const tagName = (tag: string) => lookUp(participantTags, tag)?.name ?? tag;
export const typeName = (type: string) => lookUp(participantTypes, type) ?? type;
export const measurerName = (id: string) => lookUp(measurers, id)?.name ?? id;
export const verifierName = (id: string) => lookUp(verifiers, id)?.name ?? id;
export const standardName = (code: string) => lookUp(standardTypes, code) ?? code;
