import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '@/server/rest/openapi';

/**
 * The OpenAPI document as it was before the procedures moved into modules and declared their own
 * REST shape (commit f8d3392). Every route must keep its content.
 */
const before = JSON.parse(
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

type Document = { paths: Record<string, Record<string, { operationId: string }>> };

function withRenamedOperations(document: Document): Document {
  const copy = structuredClone(document);
  for (const methods of Object.values(copy.paths))
    for (const operation of Object.values(methods))
      operation.operationId = renamedOperations[operation.operationId] ?? operation.operationId;
  return copy;
}

describe('the OpenAPI document', () => {
  it('keeps the content of every route it had before the move into modules', () => {
    expect(openApiDocument()).toEqual(withRenamedOperations(before));
  });

  it('differs from the copy only in the renamed operation ids', () => {
    expect(openApiDocument()).not.toEqual(before);
    const renamed = Object.values(withRenamedOperations(before).paths).flatMap((methods) =>
      Object.values(methods).map((operation) => operation.operationId),
    );
    for (const name of Object.values(renamedOperations)) expect(renamed).toContain(name);
  });
});
