import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '@/server/rest/openapi';

/**
 * The OpenAPI document as it was before the procedures moved into modules and declared their own
 * REST shape (commit f8d3392). Every route must keep its content.
 */
const fixture = JSON.parse(
  readFileSync(path.join(import.meta.dirname, 'fixtures/openapi-before-modules.json'), 'utf8'),
);

/**
 * The one change on purpose: an operationId is its procedure's path, and the routers took their
 * module's name (organizationUsers and invitations are members, auditEvents is audit).
 */
const renamedOperations: Record<string, string> = {
  'admin.auditEvents.list': 'admin.audit.list',
  'auditEvents.list': 'audit.list',
  ...Object.fromEntries(
    [
      'list',
      'invite',
      'resendInvitation',
      'cancelInvitation',
      'setRoles',
      'setProfileRoles',
      'remove',
      'leave',
    ].map((name) => [`organizationUsers.${name}`, `members.${name}`]),
  ),
  ...Object.fromEntries(
    ['preview', 'accept', 'listMine', 'acceptMine', 'decline'].map((name) => [
      `invitations.${name}`,
      `members.invitations.${name}`,
    ]),
  ),
};

/**
 * The other change on purpose: error codes of the Problem schema's `code` enum. Each entry says
 * which codes left and which took their place (same status, same detail text).
 */
const errorCodeChanges: { removed: string[]; added: string[]; why: string }[] = [
  {
    removed: ['CONFLICT'],
    added: ['ORGANIZATION_ARCHIVED', 'CANNOT_DISABLE_SELF', 'IDEMPOTENCY_IN_PROGRESS'],
    why: 'the generic 409 split into one code per cause',
  },
  {
    removed: [],
    added: ['LINK_INVALID'],
    why: 'one code for a dead emailed link (invitation or password reset); INVITATION_INVALID stays for the signed-in acceptMine/decline',
  },
  {
    removed: [],
    added: ['TFA_NOT_ACTIVE'],
    why: 'regenerating recovery codes needs two-factor sign-in on (issue 9, account page)',
  },
];

/**
 * Routes added on purpose (issue 9, account page): the copy takes them from the current document
 * as they are; each must be new, and nothing else may appear.
 */
const addedRoutes: { route: string; method: 'get' | 'post'; why: string }[] = [
  { route: '/api/v1/auth/me/update', method: 'post', why: 'edit your own first and last name' },
  { route: '/api/v1/auth/sessions/revoke-others', method: 'post', why: 'sign out all other sessions' },
  { route: '/api/v1/auth/tfa/recovery-codes', method: 'get', why: 'how many recovery codes are left' },
  {
    route: '/api/v1/auth/tfa/recovery-codes/regenerate',
    method: 'post',
    why: 'a new set of recovery codes, the old ones dead',
  },
];

const linkInvalid = (what: string) => `LINK_INVALID: the ${what} link is invalid, used or expired`;

/**
 * Refusals that changed with LINK_INVALID, route by route: the reset link answered 401
 * INVALID_TOKEN and now answers 404 LINK_INVALID; the invitation routes always answered 404 for a
 * dead link and now document it.
 */
const changedRefusals: Record<string, { removed: string[]; added: Record<string, string> }> = {
  '/api/v1/auth/password/reset/complete': { removed: ['401'], added: { 404: linkInvalid('reset') } },
  '/api/v1/invitations/preview': { removed: [], added: { 404: linkInvalid('invitation') } },
  '/api/v1/invitations/accept': { removed: [], added: { 404: linkInvalid('invitation') } },
};

/**
 * Additive changes on purpose (issue 9, "One data table"): the admin lists, an organization's
 * members list and its audit log take an optional `sort` (a field from the list's own set, and a
 * direction) and an optional `offset` (for screens that jump to page N), and answer `total` (and
 * the audit logs `totalIsEstimate`) beside `items` and `nextCursor`. Nothing was removed or
 * renamed, no request field became required, and a caller that sends the old bodies gets the old
 * order and pages, so these extend the contract. The copy takes exactly these properties from the
 * current document; every other byte must still match.
 */
const additiveListChanges: { route: string; request: string[]; response: string[] }[] = [
  { route: '/api/v1/admin/users/search', request: ['sort', 'offset'], response: ['total'] },
  { route: '/api/v1/admin/organizations/list', request: ['sort', 'offset'], response: ['total'] },
  { route: '/api/v1/admin/organization-profiles/search', request: ['sort', 'offset'], response: ['total'] },
  { route: '/api/v1/organization-users/list', request: ['sort', 'offset'], response: ['total'] },
  {
    route: '/api/v1/audit-events/list',
    request: ['sort', 'offset'],
    response: ['total', 'totalIsEstimate'],
  },
  {
    route: '/api/v1/admin/audit-events/list',
    request: ['sort', 'offset'],
    response: ['total', 'totalIsEstimate'],
  },
];

type ObjectSchema = { properties: Record<string, unknown>; required?: string[] };
const requestSchema = (operation: Operation) =>
  (operation as unknown as { requestBody: { content: { 'application/json': { schema: ObjectSchema } } } })
    .requestBody.content['application/json'].schema;
const responseSchema = (operation: Operation) =>
  (
    operation.responses['200'] as {
      content: { 'application/json': { schema: ObjectSchema } };
    }
  ).content['application/json'].schema;

/** Adds to the copy's list routes the listed properties, as the current document defines them. */
function withAdditiveListChanges(copy: Document, current: Document) {
  for (const change of additiveListChanges) {
    const before = copy.paths[change.route]!.post!;
    const now = current.paths[change.route]!.post!;
    for (const name of change.request)
      requestSchema(before).properties[name] = requestSchema(now).properties[name];
    for (const name of change.response) {
      responseSchema(before).properties[name] = responseSchema(now).properties[name];
      responseSchema(before).required = [...(responseSchema(before).required ?? []), name];
    }
  }
}

type Operation = { operationId: string; responses: Record<string, unknown> };
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: { Problem: { properties: { code: { enum: string[] } } } } };
};

const problemCodes = (document: Document) => document.components.schemas.Problem.properties.code.enum;

/** The codes the copy had, with the changes above applied. */
function expectedCodes(document: Document): string[] {
  const removed = new Set(errorCodeChanges.flatMap((change) => change.removed));
  return [
    ...problemCodes(document).filter((code) => !removed.has(code)),
    ...errorCodeChanges.flatMap((change) => change.added),
  ];
}

function withRenamedOperations(document: Document): Document {
  const copy = structuredClone(document);
  for (const methods of Object.values(copy.paths))
    for (const operation of Object.values(methods))
      operation.operationId = renamedOperations[operation.operationId] ?? operation.operationId;
  return copy;
}

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** The copy with the explained changes: renamed operations, changed refusals, the current code enum. */
function withExpectedChanges(document: Document, current: Document): Document {
  const copy = withRenamedOperations(document);
  for (const [route, change] of Object.entries(changedRefusals)) {
    const operation = copy.paths[route]!.post!;
    for (const status of change.removed) delete operation.responses[status];
    for (const [status, description] of Object.entries(change.added))
      operation.responses[status] = problemResponse(description);
  }
  copy.components.schemas.Problem.properties.code.enum = problemCodes(current);
  withAdditiveListChanges(copy, current);
  for (const { route, method } of addedRoutes)
    copy.paths[route] = { ...copy.paths[route], [method]: current.paths[route]![method]! };
  return copy;
}

describe('the OpenAPI document', () => {
  it('keeps the content of every route it had before the move into modules', () => {
    const current = openApiDocument() as Document;
    expect(current).toEqual(withExpectedChanges(fixture, current));
  });

  it('extends the admin lists only with optional inputs and added outputs', () => {
    const current = openApiDocument() as Document;
    for (const change of additiveListChanges) {
      const before = withRenamedOperations(fixture).paths[change.route]!.post!;
      const now = current.paths[change.route]!.post!;
      // the listed properties are new, and none of the new inputs is required
      for (const name of change.request) expect(requestSchema(before).properties).not.toHaveProperty(name);
      for (const name of change.response) expect(responseSchema(before).properties).not.toHaveProperty(name);
      expect(requestSchema(now).required ?? []).toEqual(requestSchema(before).required ?? []);
      // and every property the copy had is still there
      expect(Object.keys(requestSchema(now).properties)).toEqual([
        ...Object.keys(requestSchema(before).properties),
        ...change.request,
      ]);
      expect(Object.keys(responseSchema(now).properties)).toEqual([
        ...Object.keys(responseSchema(before).properties),
        ...change.response,
      ]);
    }
  });

  it('adds only the listed routes, each new', () => {
    const current = openApiDocument() as Document;
    for (const { route, method } of addedRoutes) {
      expect(fixture.paths[route]?.[method]).toBeUndefined();
      expect(current.paths[route]?.[method]).toBeDefined();
    }
  });

  it('lists exactly the error codes of the copy, with the explained changes', () => {
    const codes = problemCodes(openApiDocument() as Document);
    expect([...codes].sort()).toEqual(expectedCodes(fixture).sort());
    for (const change of errorCodeChanges) {
      for (const code of change.added) expect(codes).toContain(code);
      for (const code of change.removed) expect(codes).not.toContain(code);
    }
  });

  it('differs from the copy in the renamed operation ids', () => {
    expect(openApiDocument()).not.toEqual(fixture);
    const renamed = Object.values(withRenamedOperations(fixture).paths).flatMap((methods) =>
      Object.values(methods).map((operation) => operation.operationId),
    );
    for (const name of Object.values(renamedOperations)) expect(renamed).toContain(name);
  });
});
