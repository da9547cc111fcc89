// The boundary checker run by `npm run lint` (scripts/check-boundaries.ts) refuses what
// ARCHITECTURE.md forbids and lets through what it allows. If the rule were loosened or removed,
// the "refuses" cases here fail.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSource, checkTree } from '@/scripts/check-boundaries';

const rules = (file: string, text: string) => checkSource(file, text).map((v) => v.specifier);

describe('boundaries: client code', () => {
  it('refuses a component importing a server-only module', () => {
    expect(rules('components/x/a.tsx', "import { AppError } from '@/server/core/errors';")).toEqual([
      '@/server/core/errors',
    ]);
    expect(rules('components/x/a.tsx', "import { getRuntime } from '../../server/core/runtime';")).toEqual([
      '../../server/core/runtime',
    ]);
    expect(rules('components/x/a.tsx', "import { db } from '@/db/client';")).toEqual(['@/db/client']);
    // Only a module's own errors.ts and audit.ts are data tables; the same name deeper is not.
    expect(
      rules('components/x/a.tsx', "import { x } from '@/server/modules/members/services/audit';"),
    ).toEqual(['@/server/modules/members/services/audit']);
    expect(rules('components/x/a.tsx', "import '@/server/core/runtime';")).toEqual(['@/server/core/runtime']);
    expect(rules('components/x/a.tsx', "export { x } from '@/server/routers';")).toEqual([
      '@/server/routers',
    ]);
    expect(rules('components/x/a.tsx', "const m = await import('@/server/routers');")).toEqual([
      '@/server/routers',
    ]);
    // A mixed import brings the value in.
    expect(
      rules('components/x/a.tsx', "import { type AppRouter, appRouter } from '@/server/routers';"),
    ).toEqual(['@/server/routers']);
  });

  it("refuses a 'use client' file under app/ importing a server-only module", () => {
    expect(
      rules(
        'app/(app)/x/form.tsx',
        "'use client';\nimport { requirePrincipal } from '@/server/modules/auth/current-principal';",
      ),
    ).toEqual(['@/server/modules/auth/current-principal']);
  });

  it('allows isomorphic modules, types and server components', () => {
    const allowed = [
      "import { participantTagCodes } from '@/server/modules/profiles/catalog';",
      "import { emailSchema } from '@/server/modules/auth/schemas';",
      "import { isDefaultRole } from '@/server/core/access/catalog';",
      "import { membersErrors } from '@/server/modules/members/errors';",
      "import { membersAudit } from '../../server/modules/members/audit';",
      "import { auditCatalog } from '@/server/modules/catalog';",
      "import type { AppRouter } from '@/server/routers';",
      "import { type OutboxMessage } from '@/server/modules/mail/services/list-outbox';",
      "export type { AppRouter } from '@/server/routers';",
      "type R = import('@/server/routers').AppRouter;",
      "import { Badge } from '../ui/badge';",
      "import { z } from 'zod';",
    ];
    for (const line of allowed) expect(rules('components/x/a.tsx', line), line).toEqual([]);
    // A server component (no 'use client') under app/ may call the server.
    expect(
      rules(
        'app/(app)/page.tsx',
        "import { requirePrincipal } from '@/server/modules/auth/current-principal';",
      ),
    ).toEqual([]);
  });
});

describe('boundaries: server and db', () => {
  it('refuses a service importing from server/http, server/rest or app/', () => {
    const file = 'server/modules/members/services/invite-member.ts';
    expect(rules(file, "import { problem } from '@/server/rest/problem';")).toEqual([
      '@/server/rest/problem',
    ]);
    expect(rules(file, "import { x } from '../../../http/api';")).toEqual(['../../../http/api']);
    expect(rules(file, "import type { P } from '@/app/x';")).toEqual(['@/app/x']);
    expect(rules(file, "import { AppError } from '@/server/core/errors';")).toEqual([]);
  });

  it('refuses db/ importing from server/', () => {
    expect(rules('db/client.ts', "import { config } from '@/server/core/config';")).toEqual([
      '@/server/core/config',
    ]);
    expect(rules('db/schema/a.ts', "import { users } from './users';")).toEqual([]);
  });
});

describe('boundaries: the tree walk', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'provena-boundaries-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('finds a violation in a fixture file on disk', () => {
    for (const dir of ['app', 'components/x', 'server/core', 'db'])
      mkdirSync(path.join(root, dir), { recursive: true });
    writeFileSync(
      path.join(root, 'server/core/errors.ts'),
      "import 'server-only';\nexport class AppError {}\n",
    );
    writeFileSync(
      path.join(root, 'components/x/ok.tsx'),
      "import type { AppError } from '@/server/core/errors';\n",
    );
    expect(checkTree(root)).toEqual([]);
    writeFileSync(
      path.join(root, 'components/x/bad.tsx'),
      "'use client';\nimport { AppError } from '@/server/core/errors';\n",
    );
    expect(checkTree(root)).toEqual([
      expect.objectContaining({ file: 'components/x/bad.tsx', line: 2, specifier: '@/server/core/errors' }),
    ]);
  });
});
