// The one list of modules, data side: what each module declares for the whole application (its
// error codes, its audit actions and their wording), by module name. Isomorphic: only data files
// (errors.ts, audit.ts) are imported here, never a router or a service, so server/core/errors.ts
// and client code can read it without pulling the server in, and without an import cycle (a
// module's errors.ts imports core only as types; an audit.ts imports this file only as types).
// The server half of the list is server/routers.ts: the compiler keeps its routers keyed by
// exactly these names (see RoutedModule).
import type { ErrorTable } from '@/server/core/errors';
import { adminAudit } from './admin/audit';
import { adminErrors } from './admin/errors';
import { apiKeysAudit } from './api-keys/audit';
import { apiKeysErrors } from './api-keys/errors';
import { authAudit } from './auth/audit';
import { authErrors } from './auth/errors';
import { flagsAudit } from './flags/audit';
import { flagsErrors } from './flags/errors';
import { locationsAudit } from './locations/audit';
import { locationsErrors } from './locations/errors';
import { membersAudit } from './members/audit';
import { membersErrors } from './members/errors';
import { organizationsAudit } from './organizations/audit';
import { organizationsErrors } from './organizations/errors';
import { profilesAudit } from './profiles/audit';
import { profilesErrors } from './profiles/errors';
import { reportsAudit } from './reports/audit';
import { reportsErrors } from './reports/errors';

/** How the UI words one audit action. */
export type AuditActionWords = {
  /** The action named on its own: the admin console's log, the action filters. */
  label: string;
  /**
   * The predicate of "<who> <phrase> <whom>" in an organization's activity log; an action with a
   * phrase is offered in the organization's action filter.
   */
  phrase?: string;
  /** The phrase is the whole sentence: no person or record follows it ("joined the organization"). */
  complete?: true;
};

/** A module's audit actions; `group` labels the filter for all of them (their common prefix). */
export type AuditTable = { group?: string; actions: Record<string, AuditActionWords> };

/** What one module contributes to the application-wide registries. */
export type ModuleManifest = {
  errors?: ErrorTable;
  audit?: AuditTable;
  /** The module has no tRPC router: it serves the other modules (mail). */
  routerless?: true;
};

export const modules = {
  auth: { errors: authErrors, audit: authAudit },
  organizations: { errors: organizationsErrors, audit: organizationsAudit },
  profiles: { errors: profilesErrors, audit: profilesAudit },
  members: { errors: membersErrors, audit: membersAudit },
  audit: {},
  admin: { errors: adminErrors, audit: adminAudit },
  apiKeys: { errors: apiKeysErrors, audit: apiKeysAudit },
  flags: { errors: flagsErrors, audit: flagsAudit },
  locations: { errors: locationsErrors, audit: locationsAudit },
  reports: { errors: reportsErrors, audit: reportsAudit },
  mail: { routerless: true },
} as const satisfies Record<string, ModuleManifest>;

type Modules = typeof modules;
export type ModuleName = keyof Modules;

/** The modules server/routers.ts must give a router to: all but the routerless ones. */
export type RoutedModule = {
  [K in ModuleName]: Modules[K] extends { routerless: true } ? never : K;
}[ModuleName];

/** Every module's error codes, as one union (server/core/errors.ts adds the cross-cutting ones). */
export type ModuleErrorCode = {
  [K in ModuleName]: Modules[K] extends { errors: infer T } ? keyof T : never;
}[ModuleName];

/** Every audit action, as one union: `recordAuditEvent` takes only these. */
export type AuditAction = {
  [K in ModuleName]: Modules[K] extends { audit: { actions: infer A } } ? keyof A : never;
}[ModuleName];

const auditTables: AuditTable[] = Object.values(modules).flatMap((module): AuditTable[] =>
  'audit' in module ? [module.audit] : [],
);

/** Every module's audit actions with their wording; an action declared twice throws at load. */
export const auditCatalog: Readonly<Record<AuditAction, AuditActionWords>> = Object.freeze(
  Object.fromEntries(
    auditTables
      .flatMap((table) => Object.entries(table.actions))
      .map(([action, words], index, all) => {
        if (all.findIndex(([other]) => other === action) !== index)
          throw new Error(`The audit action ${action} is declared by two modules`);
        return [action, words];
      }),
  ) as Record<AuditAction, AuditActionWords>,
);

/** The wording of a recorded action, or undefined for one no module declares (any more). */
export const auditWords = (action: string): AuditActionWords | undefined =>
  Object.hasOwn(auditCatalog, action) ? auditCatalog[action as AuditAction] : undefined;

/** The first segment of an action with its dot: the prefix the audit lists filter on ("member."). */
const prefixOf = (action: string) => `${action.split('.')[0]}.`;

/** The grouped filters ("Everything about members": every action starting with "member."). */
export const auditGroups: { prefix: string; label: string }[] = auditTables.flatMap((table) => {
  if (table.group === undefined) return [];
  const prefixes = new Set(Object.keys(table.actions).map(prefixOf));
  if (prefixes.size !== 1)
    throw new Error(`The audit group ${table.group} spans ${[...prefixes].join(', ')}`);
  return [{ prefix: [...prefixes][0]!, label: table.group }];
});
