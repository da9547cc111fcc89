import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { auditEvents, reports } from '@/db/schema';
import type { Runtime } from '@/server/core/runtime';
import { callerAs, callerFor } from '../helpers/callers';
import { addMember, createTenant, grantProfileRole } from '../helpers/organizations';
import { createUser } from '../helpers/runtime';
import { keyPrincipal } from '../locations/support';

/**
 * The cast of the report tests: tenant A (its admin, a basic.viewer of the profile, a plain
 * member, keys with and without reports:read), tenant B, platform admin and support.
 */
export async function createReportCast(rt: Runtime) {
  const a = await createTenant(rt);
  const b = await createTenant(rt);
  const viewer = await createUser(rt);
  await addMember(rt, a.organization.id, viewer.id, []);
  await grantProfileRole(rt, a.profile.id, viewer.id, 'basic.viewer');
  const platformAdmin = await createUser(rt, { platformRoles: ['platform.admin'] });
  const support = await createUser(rt, { platformRoles: ['platform.support'] });
  return {
    a,
    b,
    asStaffAdmin: await callerFor(rt, platformAdmin.id),
    asSupport: await callerFor(rt, support.id),
    asTenantAdmin: await callerFor(rt, a.admin.id),
    asViewer: await callerFor(rt, viewer.id),
    asForeign: await callerFor(rt, b.admin.id),
    asReadKey: callerAs(rt, keyPrincipal(a, a.admin.id, ['reports:read'])),
    asOtherKey: callerAs(rt, keyPrincipal(a, a.admin.id, ['locations:read'])),
    asForeignKey: callerAs(rt, keyPrincipal(b, b.admin.id, ['reports:read'])),
  };
}
export type ReportCast = Awaited<ReturnType<typeof createReportCast>>;

function pdfFile(bytes: Uint8Array) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'provena-pdf-')), 'report.pdf');
  writeFileSync(file, bytes);
  return file;
}

/** The text pdftotext (poppler-utils) reads from a PDF, pages separated by form feeds. */
export const pdfText = (bytes: Uint8Array): string =>
  execFileSync('pdftotext', ['-layout', pdfFile(bytes), '-'], { encoding: 'utf8' });

/** What pdfinfo (poppler-utils) says of a PDF (dates in ISO form). */
export const pdfInfo = (bytes: Uint8Array): string =>
  execFileSync('pdfinfo', ['-isodates', pdfFile(bytes)], { encoding: 'utf8' });

export const reportRow = async (rt: Runtime, id: string) =>
  (await rt.db.select().from(reports).where(eq(reports.id, id)))[0]!;

export const auditOf = async (rt: Runtime, reportId: string) =>
  (await rt.db.select().from(auditEvents).where(eq(auditEvents.targetId, reportId))).map((e) => ({
    action: e.action,
    data: e.data,
  }));

export const bodyOf = (file: { body: string | Uint8Array }) =>
  typeof file.body === 'string' ? new TextEncoder().encode(file.body) : file.body;
