import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ApiKeyPrincipal } from '@/server/core/context';
import { createEntryContext } from '@/server/core/request-context';
import { createCallerFactory, principalProcedure, publicProcedure, router } from '@/server/core/trpc';
import { expectRefused } from '../helpers/refusals';
import { createUser, testMeta, testRuntime } from '../helpers/runtime';

const rt = testRuntime();

/** Procedures that exist only here: what the builders do with each kind of declaration. */
const probe = router({
  undeclared: publicProcedure.query(() => 'ran'),
  open: publicProcedure.meta({ permission: 'public' }).query(() => 'ran'),
  locations: principalProcedure
    .meta({ permission: 'locations.read' })
    .input(z.strictObject({}).optional())
    .query(() => 'ran'),
  adminOnly: principalProcedure.meta({ permission: 'admin.read' }).query(() => 'ran'),
});
const call = (principal: ApiKeyPrincipal | null) =>
  createCallerFactory(probe)(createEntryContext(rt, testMeta(), principal));

const key = (
  scopes: ApiKeyPrincipal['scopes'],
  createdBy = '01890000-0000-7000-8000-000000000004',
): ApiKeyPrincipal => ({
  kind: 'apiKey',
  keyId: '01890000-0000-7000-8000-000000000001',
  clientId: 'pk_test',
  organizationId: '01890000-0000-7000-8000-000000000002',
  profileId: '01890000-0000-7000-8000-000000000003',
  scopes,
  createdBy,
  creatorActive: true,
});

describe('the declared access of a procedure', () => {
  it('refuses a procedure that declares no permission, even to anyone, with 403', async () => {
    await expectRefused(call(null).undeclared(), 'FORBIDDEN', 403);
    await expect(call(null).open()).resolves.toBe('ran');
  });

  it('refuses an API key without the scope with 403 and lets one with it through', async () => {
    await expectRefused(call(key(['profiles.read'])).locations(), 'FORBIDDEN', 403);
    await expect(call(key(['locations.read'])).locations()).resolves.toBe('ran');
  });

  it('asks for a principal before anything else: anonymous is 401', async () => {
    await expectRefused(call(null).locations(), 'UNAUTHENTICATED', 401);
  });

  it('authorizes a platform permission in the builder: a key needs it among its scopes', async () => {
    await expectRefused(call(key(['locations.read'])).adminOnly(), 'FORBIDDEN', 403);
    // and its creator must still hold it: a platform admin's key passes, anyone else's is refused
    const staff = await createUser(rt, { platformRoles: ['platform.admin'] });
    await expect(call(key(['admin.read'], staff.id)).adminOnly()).resolves.toBe('ran');
    await expectRefused(call(key(['admin.read'])).adminOnly(), 'API_KEY_CREATOR_LACKS_PERMISSION', 403);
  });
});
