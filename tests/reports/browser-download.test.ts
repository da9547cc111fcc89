import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookieName } from '@/server/modules/auth/browser-session';
import { startSession } from '@/server/modules/auth/services/start-session';
import { reportFilePath } from '@/server/modules/reports/schemas';
import { callerFor } from '../helpers/callers';
import { startTestServer } from '../helpers/http';
import { createTenant } from '../helpers/organizations';
import { contextOf, createUser, testRuntime } from '../helpers/runtime';
import { retirementData } from './sample-data';

const rt = testRuntime();
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer(rt);
});
afterAll(async () => {
  await server.close();
});

async function cookieOf(userId: string) {
  const browser = await startSession(rt.db, contextOf(rt), { userId, restricted: false, channel: 'browser' });
  const jwt = await encode({ token: { sid: browser.id }, secret: rt.keys.nextAuth });
  return `${sessionCookieName(rt.config.appUrl)}=${jwt}`;
}

describe('the browser download GET /api/files/reports/{id}/pdf', () => {
  it('serves the PDF with the session cookie to those who may read it, 404 to another tenant, refuses other sites', async () => {
    const a = await createTenant(rt);
    const b = await createTenant(rt);
    const admin = await createUser(rt, { platformRoles: ['platform.admin'] });
    const record = await (await callerFor(rt, admin.id)).admin.reports.render({
      template: 'retirement',
      data: retirementData(a.profile.id, 2, 1),
    });
    const url = `${server.url}${reportFilePath(record._id)}`;
    const own = await fetch(url, { headers: { cookie: await cookieOf(a.admin.id) } });
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toMatch(/^application\/pdf/);
    expect(own.headers.get('content-disposition')).toContain(`${record.statementNumber}.pdf`);
    expect(
      Buffer.from(await own.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const foreign = await fetch(url, { headers: { cookie: await cookieOf(b.admin.id) } });
    expect(foreign.status).toBe(404);
    expect((await fetch(url)).status).toBe(401);
    const crossSite = await fetch(url, {
      headers: { cookie: await cookieOf(a.admin.id), 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
  });
});
