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
    added: ['ALREADY_INVITED'],
    why: 're-inviting someone who is only invited (issue 9): 409 ALREADY_INVITED, ALREADY_MEMBER stays for an active member',
  },
  {
    removed: [],
    added: ['LINK_INVALID'],
    why: 'one code for a dead emailed link (invitation or password reset); INVITATION_INVALID stays for the signed-in acceptMine/decline',
  },
  {
    removed: [],
    added: [
      'API_KEY_ADMIN_SCOPE_FORBIDDEN',
      'API_KEY_CREATOR_LACKS_PERMISSION',
      'API_KEY_NOT_FOUND',
      'API_KEY_REVOKED',
      'API_KEY_EXPIRY_IN_PAST',
    ],
    why: 'issue 10: API keys (the admin scope, a creator who lost the permission, an unknown or revoked key, an expiry in the past)',
  },
  {
    removed: [],
    added: ['TFA_NOT_ACTIVE'],
    why: 'regenerating recovery codes needs two-factor sign-in on (issue 9, account page)',
  },
  {
    removed: [],
    added: ['LOCATION_NOT_FOUND', 'LOCATION_NAME_TAKEN', 'LOCATION_CODE_TAKEN'],
    why: 'business locations (issue 10): a missing or foreign location, a name or code the profile already has',
  },
  {
    removed: [],
    added: ['CSV_INVALID', 'CSV_ROWS_INVALID', 'CSV_TOO_LARGE', 'LOCATION_IMPORT_NOT_FOUND'],
    why: 'issue 10 (#49): the location CSV import (unreadable file, bad rows, too large) and its jobs',
  },
  {
    removed: [],
    added: [
      'REPORT_NOT_FOUND',
      'TEMPLATE_NOT_FOUND',
      'REPORT_PROFILE_NOT_FOUND',
      'REPORT_NOT_READY',
      'REPORT_ALREADY_VOID',
      'SERIALS_ALREADY_RETIRED',
      'REPORT_TOO_LARGE_TO_PREVIEW',
    ],
    why: 'issue 11: reports (a missing report or template, data naming no profile, not rendered yet, voided twice, serials retired elsewhere, a preview too large)',
  },
];

/**
 * Routes added on purpose (issue 9, account page): the copy takes them from the current document
 * as they are; each must be new, and nothing else may appear.
 */
const addedRoutes: { route: string; method: 'get' | 'post'; why: string }[] = [
  {
    route: '/api/v1/organization-users/member-roles',
    method: 'post',
    why: "the role dialog's one Save: a member's organization and profile roles in one transaction",
  },
  { route: '/api/v1/auth/me/update', method: 'post', why: 'edit your own first and last name' },
  { route: '/api/v1/auth/sessions/revoke-others', method: 'post', why: 'sign out all other sessions' },
  { route: '/api/v1/auth/tfa/recovery-codes', method: 'get', why: 'how many recovery codes are left' },
  {
    route: '/api/v1/auth/tfa/recovery-codes/regenerate',
    method: 'post',
    why: 'a new set of recovery codes, the old ones dead',
  },
  ...(
    [
      ['create', 'create a business location (#21)'],
      ['update', 'update a business location (#22)'],
      ['get', 'a business location (#23)'],
      ['list', "a profile's business locations (#24)"],
      ['status', "the table's bulk archive: several locations' status at once"],
      ['points', 'the map: every located location of the filtered set'],
    ] as const
  ).map(([name, why]) => ({ route: `/api/v1/business-locations/${name}`, method: 'post' as const, why })),
  ...(['create', 'update', 'get', 'list'] as const).map((name) => ({
    route: `/api/v1/admin/business-locations/${name}`,
    method: 'post' as const,
    why: `admin business locations across organizations (#41, ${name})`,
  })),
  {
    route: '/api/v1/business-locations/import',
    method: 'post',
    why: 'issue 10 (#49): import business locations from a CSV file, all rows or none',
  },
  {
    route: '/api/v1/business-locations/export',
    method: 'post',
    why: 'issue 10 (#49): the filtered business locations as a CSV file',
  },
  { route: '/api/v1/api-keys/create', method: 'post', why: 'issue 10: #13 create an API key of a profile' },
  { route: '/api/v1/api-keys/list', method: 'post', why: "issue 10: #14 a profile's API keys, no secrets" },
  { route: '/api/v1/api-keys/revoke', method: 'post', why: 'issue 10: #14 revoke an API key' },
  { route: '/api/v1/api-keys/rotate', method: 'post', why: 'issue 10: #14 rotate an API key' },
  {
    route: '/api/v1/admin/api-keys/list',
    method: 'post',
    why: "issue 10: the admin console's keys of any profile",
  },
  {
    route: '/api/v1/admin/api-keys/revoke',
    method: 'post',
    why: "issue 10: the admin console revokes any profile's key",
  },
  // issue 10, feature flags (#15, #42)
  {
    route: '/api/v1/organization-profiles/flags',
    method: 'post',
    why: '#15: set or remove flags of a profile',
  },
  {
    route: '/api/v1/organization-profiles/flags/get',
    method: 'post',
    why: "a profile's flags, for users and keys with flags:read",
  },
  { route: '/api/v1/admin/feature-flags/list', method: 'post', why: '#42: the flag catalog' },
  {
    route: '/api/v1/admin/preproduction/reset',
    method: 'post',
    why: 'issue 11 (#43): reset the preproduction copy (temporary password, secrets revoked, mail held)',
  },
  { route: '/api/v1/reports/list', method: 'post', why: "issue 11: a profile's reports" },
  { route: '/api/v1/reports/get', method: 'post', why: 'issue 11: one report record' },
  {
    route: '/api/v1/reports/locations/render',
    method: 'post',
    why: "issue 11: the locations inventory report of a profile's business locations",
  },
  { route: '/api/v1/reports/{id}/pdf', method: 'get', why: "issue 11 (#44): a report's PDF" },
  { route: '/api/v1/verify/{hash}', method: 'get', why: "issue 11: public check of a statement's hash" },
  {
    route: '/api/v1/admin/reports/templates',
    method: 'get',
    why: '#44: the report templates with their JSON Schema',
  },
  { route: '/api/v1/admin/reports/render', method: 'post', why: '#44: render a report from a template' },
  { route: '/api/v1/admin/reports/list', method: 'post', why: 'issue 11: reports across organizations' },
  { route: '/api/v1/admin/reports/get', method: 'post', why: 'issue 11: any report record' },
  { route: '/api/v1/admin/reports/void', method: 'post', why: 'issue 11: void a report, keeping it' },
];

/**
 * Routes that also accept an API key on purpose (issue 10): a key of the profile with
 * profiles:read reads its own profile. The security list gains the client-id/client-key pair;
 * the bearer token stays, and nothing else of the route changes.
 */
const openedToKeys: { route: string; why: string }[] = [
  { route: '/api/v1/organization-profiles/get', why: 'a partner system reads the profile its key acts for' },
];

/**
 * Added to every item of the audit lists on purpose (issue 10): `actorKey`, the API key that
 * acted (null otherwise), so the activity log names the key and not only its creator. The copy
 * takes the property from the current document, required, in the current order.
 */
const auditItemAdditions = {
  routes: ['/api/v1/audit-events/list', '/api/v1/admin/audit-events/list'],
  properties: ['actorKey'],
};

const itemSchema = (operation: Operation) =>
  (responseSchema(operation).properties.items as { items: ObjectSchema }).items;

function withAuditItemAdditions(copy: Document, current: Document) {
  for (const route of auditItemAdditions.routes) {
    const before = itemSchema(copy.paths[route]!.post!);
    const now = itemSchema(current.paths[route]!.post!);
    for (const name of auditItemAdditions.properties) before.properties[name] = now.properties[name];
    before.properties = Object.fromEntries(Object.keys(now.properties).map((n) => [n, before.properties[n]]));
    before.required = (now.required ?? []).filter(
      (n) => (before.required ?? []).includes(n) || auditItemAdditions.properties.includes(n),
    );
  }
}

/**
 * Additive on purpose (issue 10, #5 "profiles with their roles and flags"): each profile that `me`
 * and `organizations.list` show gains a required `flags` object (`{GHGP: true}`, the flags set).
 * The copy takes exactly that property from the current document, at the profile schema reached
 * by `path` in the success answer; nothing else of these routes may change.
 */
const profileFlagsChanges: { route: string; method: 'get'; path: string[] }[] = [
  { route: '/api/v1/auth/me', method: 'get', path: ['properties', 'profiles', 'items'] },
  {
    route: '/api/v1/organizations',
    method: 'get',
    path: ['properties', 'items', 'items', 'properties', 'profiles', 'items'],
  },
];

/** The profile schema of a `profileFlagsChanges` route in a document. */
function profileSchemaAt(document: Document, change: (typeof profileFlagsChanges)[number]) {
  const operation = document.paths[change.route]![change.method]!;
  return change.path.reduce<Record<string, unknown>>(
    (node, key) => node[key] as Record<string, unknown>,
    responseSchema(operation) as unknown as Record<string, unknown>,
  ) as unknown as ObjectSchema;
}

function withProfileFlags(copy: Document, current: Document) {
  for (const change of profileFlagsChanges) {
    const before = profileSchemaAt(copy, change);
    before.properties.flags = profileSchemaAt(current, change).properties.flags;
    before.required = [...(before.required ?? []), 'flags'];
  }
}

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
  {
    route: '/api/v1/organization-users/list',
    request: ['sort', 'offset', 'status', 'search'],
    response: ['total'],
  },
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

/**
 * Descriptions reworded on purpose: the audit lists' `action` filter also matches a group by its
 * first segment without the dot (issue 9: 'admin' is admin and admin.*), and its description now
 * says so. Only the description changes; its type and limit must still match.
 */
const rewordedRequestFields: { route: string; field: string }[] = [
  { route: '/api/v1/audit-events/list', field: 'action' },
  { route: '/api/v1/admin/audit-events/list', field: 'action' },
];

/**
 * Inputs added on purpose to non-list routes (issue 9, "invite with a role"): the invite takes
 * optional role fields, validated like #19/#20; the contract's body without them works as before.
 */
const additiveInputChanges: { route: string; request: string[] }[] = [
  {
    route: '/api/v1/organization-users/invite',
    request: ['defaultRoleCodes', 'roleCodes', 'profileRoles'],
  },
];

/**
 * Additive change on purpose (issue 9, users created by an admin): #25 also takes `passwordMode`
 * ("invite": an emailed set-password link; "generate": a one-time password answered once) instead
 * of `password`, so `password` is no longer required by the schema (the server still refuses a
 * body with neither, or both, with 400), its description and the summary say so, and the 201
 * answer adds `oneTimePassword` and `passwordLinkExpiresAt`. The seed's body is unchanged.
 */
const userCreateChange = {
  route: '/api/v1/admin/users/create',
  request: ['passwordMode'],
  redescribed: ['password'],
  noLongerRequired: ['password'],
  response: ['oneTimePassword', 'passwordLinkExpiresAt'],
};

/**
 * Additive on purpose (issue 9, "API reference"): every operation shows an example request and
 * answer (server/rest/examples.ts). The document gains `example` in exactly these places and
 * nowhere else: a parameter that carries an input field, the JSON request body, and the JSON
 * content of the success answer. The copy takes them from the current document; every other byte
 * must still match.
 */
const examplePlaces = ['parameter', 'request body', 'success answer'] as const;

type Media = { example?: unknown };
type OperationWithExamples = Operation & {
  parameters?: ({ name: string } & Media)[];
  requestBody?: { content: Record<string, Media> };
};

/** Where an operation carries examples, by place, keyed so the copy and the current document line up. */
function exampleSlots(operation: OperationWithExamples): Record<string, Media | undefined> {
  const success = Object.entries(operation.responses).find(([status]) => status.startsWith('2'));
  const successContent = (success?.[1] as { content?: Record<string, Media> } | undefined)?.content;
  return {
    ...Object.fromEntries((operation.parameters ?? []).map((p) => [`parameter ${p.name}`, p])),
    'request body': operation.requestBody?.content['application/json'],
    'success answer': successContent?.['application/json'],
  };
}

/** Adds to the copy's operations the examples the current document shows, in the places above. */
function withExamples(copy: Document, current: Document) {
  for (const [route, methods] of Object.entries(copy.paths))
    for (const [method, operation] of Object.entries(methods)) {
      const before = exampleSlots(operation as OperationWithExamples);
      const now = exampleSlots(current.paths[route]![method]! as OperationWithExamples);
      for (const [slot, media] of Object.entries(before)) {
        if (!examplePlaces.some((place) => slot.startsWith(place))) continue;
        const example = now[slot]?.example;
        if (media && example !== undefined) media.example = example;
      }
    }
}

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
  for (const { route, field } of rewordedRequestFields) {
    const before = requestSchema(copy.paths[route]!.post!).properties[field] as { description?: string };
    const now = requestSchema(current.paths[route]!.post!).properties[field] as { description?: string };
    before.description = now.description;
  }
}

type Operation = { operationId: string; responses: Record<string, unknown> };
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: { Problem: { properties: { code: { enum: string[] } } } } };
};

const createdSchema = (operation: Operation) =>
  (
    operation.responses['201'] as {
      content: { 'application/json': { schema: ObjectSchema } };
    }
  ).content['application/json'].schema;

/** The copy's #25 with the change above, taken from the current document, properties in its order. */
function withUserCreateChange(copy: Document, current: Document) {
  const before = copy.paths[userCreateChange.route]!.post! as Operation & { summary: string };
  const now = current.paths[userCreateChange.route]!.post! as Operation & { summary: string };
  before.summary = now.summary;
  const request = requestSchema(before);
  for (const name of [...userCreateChange.request, ...userCreateChange.redescribed])
    request.properties[name] = requestSchema(now).properties[name];
  request.properties = Object.fromEntries(
    Object.keys(requestSchema(now).properties).map((name) => [name, request.properties[name]]),
  );
  request.required = (request.required ?? []).filter(
    (name) => !userCreateChange.noLongerRequired.includes(name),
  );
  const answer = createdSchema(before);
  for (const name of userCreateChange.response) answer.properties[name] = createdSchema(now).properties[name];
  answer.properties = Object.fromEntries(
    Object.keys(createdSchema(now).properties).map((name) => [name, answer.properties[name]]),
  );
}

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
  for (const change of additiveInputChanges) {
    const before = requestSchema(copy.paths[change.route]!.post!);
    const now = requestSchema(current.paths[change.route]!.post!);
    for (const name of change.request) before.properties[name] = now.properties[name];
  }
  for (const { route, method } of addedRoutes)
    copy.paths[route] = { ...copy.paths[route], [method]: current.paths[route]![method]! };
  withUserCreateChange(copy, current);
  withAuditItemAdditions(copy, current);
  for (const { route } of openedToKeys) {
    const operation = copy.paths[route]!.post! as Operation & { security: Record<string, string[]>[] };
    operation.security = [...operation.security, { clientId: [], clientKey: [] }];
  }
  withProfileFlags(copy, current);
  withExamples(copy, current);
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

  it('extends the invite only with optional inputs, and adds only the listed routes', () => {
    const current = openApiDocument() as Document;
    for (const change of additiveInputChanges) {
      const before = requestSchema(withRenamedOperations(fixture).paths[change.route]!.post!);
      const now = requestSchema(current.paths[change.route]!.post!);
      for (const name of change.request) expect(before.properties).not.toHaveProperty(name);
      expect(now.required ?? []).toEqual(before.required ?? []);
      expect(Object.keys(now.properties)).toEqual([...Object.keys(before.properties), ...change.request]);
    }
    const added = addedRoutes.map(({ route }) => route);
    for (const route of added) expect(fixture.paths).not.toHaveProperty(route);
    expect(Object.keys(current.paths).sort()).toEqual([...Object.keys(fixture.paths), ...added].sort());
  });

  it('extends user creation (#25) only with an optional passwordMode and added outputs', () => {
    const current = openApiDocument() as Document;
    const before = withRenamedOperations(fixture).paths[userCreateChange.route]!.post!;
    const now = current.paths[userCreateChange.route]!.post!;
    for (const name of userCreateChange.request)
      expect(requestSchema(before).properties).not.toHaveProperty(name);
    for (const name of userCreateChange.response)
      expect(createdSchema(before).properties).not.toHaveProperty(name);
    // every field the copy had is still there; only `password` stopped being required
    expect(Object.keys(requestSchema(now).properties).sort()).toEqual(
      [...Object.keys(requestSchema(before).properties), ...userCreateChange.request].sort(),
    );
    expect(requestSchema(now).required).toEqual(
      requestSchema(before).required!.filter((name) => !userCreateChange.noLongerRequired.includes(name)),
    );
    expect(Object.keys(createdSchema(now).properties).sort()).toEqual(
      [...Object.keys(createdSchema(before).properties), ...userCreateChange.response].sort(),
    );
    expect(createdSchema(now).required).toEqual(createdSchema(before).required);
  });

  it('adds examples only: the copy had none, and every operation now shows its answer (and its request when it takes one)', () => {
    const current = openApiDocument() as Document;
    expect(JSON.stringify(fixture)).not.toContain('"example"');
    for (const [route, methods] of Object.entries(current.paths))
      for (const [method, operation] of Object.entries(methods)) {
        const slots = exampleSlots(operation as OperationWithExamples);
        const shown = Object.entries(slots).filter(([, media]) => media?.example !== undefined);
        expect(shown.length, `${method} ${route}`).toBeGreaterThan(0);
        const requestBody = slots['request body'];
        if (requestBody) expect(requestBody.example, `${method} ${route}`).toBeDefined();
      }
  });

  it('adds to the profiles of me and organizations.list only a required flags object', () => {
    const current = openApiDocument() as Document;
    for (const change of profileFlagsChanges) {
      const before = profileSchemaAt(withRenamedOperations(fixture), change);
      const now = profileSchemaAt(current, change);
      expect(before.properties).not.toHaveProperty('flags');
      expect(Object.keys(now.properties)).toEqual([...Object.keys(before.properties), 'flags']);
      expect(now.required).toEqual([...(before.required ?? []), 'flags']);
      expect(now.properties.flags).toMatchObject({ type: 'object' });
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
