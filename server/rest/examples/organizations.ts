import 'server-only';
import { myOrganization, type OperationExample } from './fixtures';

/** The organizations module's REST examples (see server/rest/examples.ts). */
export const organizationsExamples: Readonly<Record<string, OperationExample>> = {
  'organizations.list': { request: {}, response: { items: [myOrganization] } },
};
