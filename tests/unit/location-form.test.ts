import { describe, expect, it } from 'vitest';
import {
  addSupplier,
  locationFormSchema,
  locationFormValues,
  toCreateInput,
  toUpdateInput,
} from '@/components/locations/location-form-schema';
import { locationCreateInput, locationUpdateInput } from '@/server/modules/locations/schemas';

const PROFILE = '8f0e1c9a-2b3d-4e5f-8a7b-1c2d3e4f5a6b';
const filled = {
  ...locationFormValues(),
  name: 'Midland gathering',
  type: 'buying',
  basin: 'permian basin',
  preferredSuppliers: ['Acme Gas'],
  latitude: '31.9973',
  longitude: '-102.0779',
  address: { country: 'US', state: 'TX', city: 'Midland', line1: '', line2: '', postalCode: '' },
};

const issuesOf = (values: unknown) => {
  const result = locationFormSchema.safeParse(values);
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
};

/** Issue 10: the location form checks with the module's schemas and sends what the server takes. */
describe('the location form', () => {
  it('sends a create input the server schema accepts, the basin canonical', () => {
    const values = locationFormSchema.parse(filled);
    const input = locationCreateInput.parse(toCreateInput(PROFILE, values));
    expect(input).toMatchObject({
      name: 'Midland gathering',
      basin: 'Permian',
      coordinates: { latitude: 31.9973, longitude: -102.0779 },
      address: { country: 'US', state: 'TX', city: 'Midland' },
      status: 'active',
    });
    expect(input.code).toBeUndefined();
  });

  it('clears emptied choices on update (null type, basin and coordinates, "" code)', () => {
    const values = locationFormSchema.parse({ ...filled, type: '', basin: '', latitude: '', longitude: '' });
    const input = locationUpdateInput.parse(toUpdateInput(PROFILE, values));
    expect(input).toMatchObject({ type: null, basin: null, coordinates: null, code: '' });
  });

  it('asks for the other coordinate when only one is given', () => {
    expect(issuesOf({ ...filled, longitude: '' })).toMatchObject({
      longitude: 'is needed with the latitude',
    });
    expect(issuesOf({ ...filled, latitude: '' })).toMatchObject({ latitude: 'is needed with the longitude' });
  });

  it('refuses coordinates that are not numbers or out of range, and a missing country', () => {
    const issues = issuesOf({
      ...filled,
      latitude: 'north',
      longitude: '200',
      address: { ...filled.address, country: null },
    });
    expect(issues.latitude).toBe('must be a number');
    expect(issues.longitude).toBeDefined();
    expect(issues['address.country']).toBe('is required');
  });

  it('refuses an empty name with the schema message, and an unknown basin', () => {
    const issues = issuesOf({ ...filled, name: '', basin: 'Atlantis' });
    expect(issues.name).toBeDefined();
    expect(issues.basin).toMatch(/North American basin/);
    expect(issuesOf({ ...filled, type: 'spaceport' }).type).toMatch(/must be one of: buying/);
  });

  it('adds a typed supplier once (trimmed, any case), never a blank one', () => {
    expect(addSupplier(['Acme Gas'], '  Basin Midstream ')).toEqual(['Acme Gas', 'Basin Midstream']);
    expect(addSupplier(['Acme Gas'], 'ACME GAS')).toEqual(['Acme Gas']);
    expect(addSupplier(['Acme Gas'], '   ')).toEqual(['Acme Gas']);
  });

  it('refuses more than 50 suppliers', () => {
    const many = Array.from({ length: 51 }, (_, i) => `Supplier ${i}`);
    expect(issuesOf({ ...filled, preferredSuppliers: many }).preferredSuppliers).toMatch(/at most 50/);
  });
});
