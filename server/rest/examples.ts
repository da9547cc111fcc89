import 'server-only';
import { adminExamples } from './examples/admin';
import { adminUserExamples } from './examples/admin-users';
import { apiKeysExamples } from './examples/api-keys';
import { auditExamples } from './examples/audit';
import { authExamples } from './examples/auth';
import type { OperationExample } from './examples/fixtures';
import { flagsExamples } from './examples/flags';
import { locationsExamples } from './examples/locations';
import { membersExamples } from './examples/members';
import { organizationsExamples } from './examples/organizations';
import { profilesExamples } from './examples/profiles';
import { reportsExamples } from './examples/reports';

export type { OperationExample } from './examples/fixtures';

/**
 * An example request and answer for every REST operation, keyed by operationId (the procedure's
 * path), shown in the OpenAPI document and /api/docs. `request` is the procedure's whole input
 * (the OpenAPI document moves the fields that travel in the path, query or headers to their
 * parameters); `response` its output; either is absent when the operation has none (GET without
 * input, 204). The request bodies follow the platform's seed bodies where one exists.
 * tests/rest/openapi-examples.test.ts fails for an operation without an entry here, and parses
 * every example with the procedure's own input and output schemas.
 */
export const operationExamples: Readonly<Record<string, OperationExample>> = {
  ...authExamples,
  ...organizationsExamples,
  ...apiKeysExamples,
  ...profilesExamples,
  ...locationsExamples,
  ...membersExamples,
  ...auditExamples,
  ...adminUserExamples,
  ...adminExamples,
  ...flagsExamples,
  ...reportsExamples,
};
