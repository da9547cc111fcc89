import 'server-only';
import { permissions, roleCodes, roles } from '@/server/core/access/catalog';
import { featureFlagNames, featureFlags } from '@/server/modules/flags/catalog';
import {
  measurers,
  participantTags,
  participantTypes,
  standardTypes,
  verifiers,
} from '@/server/modules/profiles/catalog';

/** #42: every role code with the scopes it may be held at and its permissions, read from the catalog. */
export function roleCatalog() {
  return {
    items: roleCodes.map((code) => ({
      code,
      name: roles[code].name,
      scopes: [...roles[code].scopes],
      permissions: [...roles[code].permissions],
    })),
    permissions: Object.entries(permissions).map(([code, description]) => ({ code, description })),
  };
}

/** #42: participant tags with the measurers (and their standard types) and verifiers each allows. */
export function participantCatalog() {
  return {
    items: Object.entries(participantTags).map(([tag, entry]) => ({
      tag,
      name: entry.name,
      measurers: entry.measurers.map((identifier) => ({
        identifier,
        name: measurers[identifier].name,
        standardTypes: [...measurers[identifier].standardTypes],
      })),
      verifiers: entry.verifiers.map((identifier) => ({ identifier, name: verifiers[identifier].name })),
    })),
    participantTypes: Object.entries(participantTypes).map(([code, name]) => ({ code, name })),
    standardTypes: Object.entries(standardTypes).map(([code, name]) => ({ code, name })),
  };
}

/** #42: every feature flag with its name, description and the dashboard modules it switches on. */
export function featureFlagCatalog() {
  return {
    items: featureFlagNames.map((flag) => ({
      flag,
      name: featureFlags[flag].name,
      description: featureFlags[flag].description,
      modules: [...featureFlags[flag].modules],
    })),
  };
}
