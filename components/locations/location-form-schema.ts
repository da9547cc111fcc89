import { z } from 'zod';
import type { LocationStatus } from '@/server/modules/locations/catalog';
import {
  basinSchema,
  coordinatesSchema,
  type LocationOutput,
  locationCodeSchema,
  locationStatusSchema,
  locationTypeSchema,
  preferredSuppliersSchema,
} from '@/server/modules/locations/schemas';
import { addressFormSchema, nameSchema } from '@/server/modules/organizations/schemas';

/** A number typed in a text box: "" is none, anything else must read as a number. */
const typedNumber = z
  .string()
  .trim()
  .transform((value, ctx) => {
    if (value === '') return undefined;
    const number = Number(value);
    if (Number.isFinite(number)) return number;
    ctx.addIssue({ code: 'custom', message: 'must be a number' });
    return z.NEVER;
  });

/**
 * A choice that may be left empty ("" in the form): anything else is checked by the module's
 * schema, with its own message (a union would answer only "Invalid input").
 */
const emptyOr = <T extends z.ZodType<string, string>>(schema: T) =>
  z.string().transform((value, ctx): z.output<T> | '' => {
    if (value.trim() === '') return '';
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
    return z.NEVER;
  });

/**
 * The location form (new and edit): every control's value as the form holds it (text, "" for
 * none), checked with the module's field schemas, so the form says what the server would. The
 * coordinates are two boxes that go together; the country is required (a location always has one).
 */
export const locationFormSchema = z
  .object({
    name: nameSchema,
    code: locationCodeSchema,
    type: emptyOr(locationTypeSchema),
    basin: emptyOr(basinSchema),
    isDirectConnection: z.boolean(),
    preferredSuppliers: preferredSuppliersSchema,
    latitude: typedNumber.pipe(coordinatesSchema.shape.latitude.optional()),
    longitude: typedNumber.pipe(coordinatesSchema.shape.longitude.optional()),
    address: addressFormSchema,
    status: locationStatusSchema,
  })
  .superRefine((values, ctx) => {
    if (values.latitude === undefined && values.longitude !== undefined)
      ctx.addIssue({ code: 'custom', path: ['latitude'], message: 'is needed with the longitude' });
    if (values.longitude === undefined && values.latitude !== undefined)
      ctx.addIssue({ code: 'custom', path: ['longitude'], message: 'is needed with the latitude' });
    if (!values.address.country)
      ctx.addIssue({ code: 'custom', path: ['address', 'country'], message: 'is required' });
  });

export type LocationFormValues = z.input<typeof locationFormSchema>;
export type LocationFormOutput = z.output<typeof locationFormSchema>;

/** The form's values for a location, or the defaults of a new one. */
export function locationFormValues(location?: LocationOutput): LocationFormValues {
  const address = location?.address;
  return {
    name: location?.name ?? '',
    code: location?.code ?? '',
    type: location?.type ?? '',
    basin: location?.basin ?? '',
    isDirectConnection: location?.isDirectConnection ?? false,
    preferredSuppliers: location?.preferredSuppliers ?? [],
    latitude: location?.coordinates ? String(location.coordinates.latitude) : '',
    longitude: location?.coordinates ? String(location.coordinates.longitude) : '',
    address: {
      country: address?.country ?? null,
      state: address?.state ?? '',
      city: address?.city ?? '',
      line1: address?.line1 ?? '',
      line2: address?.line2 ?? '',
      postalCode: address?.postalCode ?? '',
    },
    status: (location?.status ?? 'active') as LocationStatus,
  };
}

const coordinatesOf = (values: LocationFormOutput) =>
  values.latitude !== undefined && values.longitude !== undefined
    ? { latitude: values.latitude, longitude: values.longitude }
    : undefined;

/** What locations.create takes from the form (empty choices left out). */
export function toCreateInput(profileId: string, values: LocationFormOutput) {
  return {
    profileId,
    name: values.name,
    code: values.code || undefined,
    type: values.type || undefined,
    basin: values.basin || undefined,
    isDirectConnection: values.isDirectConnection,
    preferredSuppliers: values.preferredSuppliers,
    coordinates: coordinatesOf(values),
    address: values.address as { country: string },
    status: values.status,
  };
}

/** What locations.update takes from the form: an emptied choice is `null` (or `""`), so it is cleared. */
export function toUpdateInput(id: string, values: LocationFormOutput) {
  return {
    _id: id,
    name: values.name,
    code: values.code,
    type: values.type || null,
    basin: values.basin || null,
    isDirectConnection: values.isDirectConnection,
    preferredSuppliers: values.preferredSuppliers,
    coordinates: coordinatesOf(values) ?? null,
    address: values.address,
    status: values.status,
  };
}

/** Adds a typed name to the list unless it is blank or already there (any case), as the server would. */
export function addSupplier(list: readonly string[], typed: string): string[] {
  const name = typed.trim();
  if (!name || list.some((n) => n.toLowerCase() === name.toLowerCase())) return [...list];
  return [...list, name];
}
