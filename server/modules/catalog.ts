// The one list of modules, data side: what each module declares for the whole application (its
// error codes, later its audit actions), by module name. Isomorphic: only data files (errors.ts)
// are imported here, never a router or a service, so server/core/errors.ts and client code can
// read it without pulling the server in, and without an import cycle (a module's errors.ts
// imports core only as types). The server half of the list is server/routers.ts: the compiler
// keeps its routers keyed by exactly these names (see RoutedModule).
import type { ErrorTable } from '@/server/core/errors';
import { adminErrors } from './admin/errors';
import { authErrors } from './auth/errors';
import { membersErrors } from './members/errors';
import { organizationsErrors } from './organizations/errors';
import { profilesErrors } from './profiles/errors';

/** What one module contributes to the application-wide registries. */
export type ModuleManifest = {
  errors?: ErrorTable;
  /** The module has no tRPC router: it serves the other modules (mail). */
  routerless?: true;
};

export const modules = {
  auth: { errors: authErrors },
  organizations: { errors: organizationsErrors },
  profiles: { errors: profilesErrors },
  members: { errors: membersErrors },
  audit: {},
  admin: { errors: adminErrors },
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
