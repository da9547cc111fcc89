import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countriesByName,
  countryCodes,
  countryName,
  isCountryCode,
  isUsStateCode,
  usStateCodes,
} from '@/server/core/places/catalog';
import { addressSchema, organizationFormSchema } from '@/server/modules/organizations/schemas';
import { startTestServer } from '../helpers/http';
import { createUser, STRONG_PASSWORD, testRuntime } from '../helpers/runtime';

/**
 * Issue 9: an address's country is an ISO 3166-1 alpha-2 code from the catalog, and a US address's
 * state one of its state codes (server/core/places/catalog.ts, shared with the forms' selects);
 * anything else is a 400 naming the field. The seed's addresses (platform-api-seed.txt: the
 * business location bodies' `{ "country": "US" }` and `{ "country": "US", "state": "NY" }`, and the
 * organization update's `{}`) still pass.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let adminToken: string;
const rt = testRuntime();
beforeAll(async () => {
  server = await startTestServer(rt);
  const admin = await createUser(rt, { platformRoles: ['platform.admin'] });
  const login = await server.request<{ accessToken: string }>('POST', '/auth/login', {
    body: { email: admin.email, secret: STRONG_PASSWORD },
  });
  adminToken = login.body.accessToken;
});
afterAll(async () => {
  await server.close();
});

type Answer = {
  _id: string;
  address: Record<string, string> | null;
  errors: { path: string; message: string }[];
};
const post = (path: string, body: unknown) =>
  server.request<Answer>('POST', path, { token: adminToken, body });

// The seed's address bodies, as its text has them.
const seedAddresses = [
  JSON.parse('{\n"country": "US"\n}'),
  JSON.parse('{\n"country": "US",\n"state": "NY"\n}'),
];

describe('address catalog: countries and US states', () => {
  it('keeps accepting the seed addresses on create and update', async () => {
    for (const address of seedAddresses) {
      const created = await post('/admin/organizations/create', { name: 'Seeded address', address });
      expect(created.status).toBe(201);
      expect(created.body.address).toEqual(address);
      const updated = await post('/admin/organizations/update', { _id: created.body._id, address });
      expect(updated.status).toBe(200);
      expect(updated.body.address).toEqual(address);
      const cleared = await post('/admin/organizations/update', { _id: created.body._id, address: {} });
      expect(cleared.status).toBe(200);
      expect(cleared.body.address).toBeNull();
      expect(addressSchema.safeParse(address).success).toBe(true);
    }
  });

  it('refuses an unknown country with 400 and one message, whatever its shape', async () => {
    for (const country of ['XX', 'us', 'USA', 'ZZ']) {
      const res = await post('/admin/organizations/create', { name: 'Nowhere', address: { country } });
      expect(res.status, country).toBe(400);
      expect(res.body.errors).toEqual([
        { path: 'address.country', message: 'must be an ISO 3166-1 alpha-2 country code such as US' },
      ]);
    }
  });

  it('refuses an unknown US state code with 400, on create and update', async () => {
    const bad = { country: 'US', state: 'New York' };
    const created = await post('/admin/organizations/create', { name: 'Bad state', address: bad });
    expect(created.status).toBe(400);
    expect(created.body.errors).toEqual([
      { path: 'address.state', message: 'must be a US state code such as NY' },
    ]);

    const ok = await post('/admin/organizations/create', { name: 'Good state' });
    const updated = await post('/admin/organizations/update', {
      _id: ok.body._id,
      address: { country: 'US', state: 'ZZ', city: 'Nowhere' },
    });
    expect(updated.status).toBe(400);
    expect(updated.body.errors).toEqual([
      { path: 'address.state', message: 'must be a US state code such as NY' },
    ]);
  });

  it('takes DC and the territories for the US, and a free-text region elsewhere', async () => {
    for (const address of [
      { country: 'US', state: 'DC' },
      { country: 'US', state: 'PR' },
      { country: 'CA', state: 'Alberta', city: 'Calgary' },
      { country: 'GB', city: 'London' },
    ]) {
      const res = await post('/admin/organizations/create', { name: 'Somewhere', address });
      expect(res.status, JSON.stringify(address)).toBe(201);
      expect(res.body.address).toEqual(address);
    }
  });

  it('holds the 249 ISO 3166-1 alpha-2 countries, each with a name, and the US states, DC and territories', () => {
    expect(new Set(countryCodes).size).toBe(249);
    for (const code of countryCodes) {
      expect(code).toMatch(/^[A-Z]{2}$/);
      expect(countryName(code), code).not.toBe(code);
    }
    expect(countriesByName()[0]?.name).toBe('Afghanistan');
    expect(isCountryCode('US') && isCountryCode('CA') && !isCountryCode('XK') && !isCountryCode('UK')).toBe(
      true,
    );
    expect(usStateCodes).toHaveLength(56);
    expect(['NY', 'TX', 'DC', 'PR', 'GU'].every(isUsStateCode)).toBe(true);
    expect(isUsStateCode('ZZ') || isUsStateCode('toString')).toBe(false);
  });

  it('gives the form the same rules: an empty form sends no address, a bad state the same message', () => {
    const empty = { country: null, state: '', city: '', line1: '', line2: '', postalCode: '' };
    expect(organizationFormSchema.parse({ name: ' Acme ', taxId: '', duns: '', address: empty })).toEqual({
      name: 'Acme',
      taxId: '',
      duns: '',
      address: {},
    });
    const refused = organizationFormSchema.safeParse({
      name: 'Acme',
      taxId: '',
      duns: '',
      address: { ...empty, country: 'US', state: 'ZZ', city: ' Houston ' },
    });
    expect(refused.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['address.state', 'must be a US state code such as NY'],
    ]);
    const noCountry = organizationFormSchema.safeParse({
      name: 'Acme',
      taxId: '',
      duns: '',
      address: { ...empty, city: 'Houston' },
    });
    expect(noCountry.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['address.country', 'is required'],
    ]);
  });
});
