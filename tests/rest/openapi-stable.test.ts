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

describe('the OpenAPI document', () => {
  it('keeps the content of every route it had before the move into modules', () => {
    expect(openApiDocument()).toEqual(before);
  });
});
