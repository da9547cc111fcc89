/**
 * The cookie the server reads as the active organization (ACTIVE_ORGANIZATION_COOKIE in
 * server/organizations/active-organization.ts). Only its name is repeated here: importing that
 * module would pull server code into the browser bundle.
 */
export const ACTIVE_ORGANIZATION_COOKIE = 'provena-org';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** Remembers the organization picked in this browser; the server still checks the membership. */
export function setActiveOrganizationCookie(organizationId: string) {
  // biome-ignore lint/suspicious/noDocumentCookie: one plain preference cookie; the Cookie Store API is not in every browser
  document.cookie = `${ACTIVE_ORGANIZATION_COOKIE}=${encodeURIComponent(organizationId)}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax`;
}

/** Forgets the choice (after leaving that organization), so the server falls back to the first one. */
export function clearActiveOrganizationCookie() {
  // biome-ignore lint/suspicious/noDocumentCookie: see setActiveOrganizationCookie
  document.cookie = `${ACTIVE_ORGANIZATION_COOKIE}=; path=/; max-age=0; samesite=lax`;
}
