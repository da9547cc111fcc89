/** What the e2e server is started with and the tests sign in with (playwright.config.ts passes it on). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_URL = `http://127.0.0.1:${E2E_PORT}`;
export const ADMIN_EMAIL = 'admin@provena.test';
export const ADMIN_PASSWORD = 'Initial-Admin-Secret-2024';
/**
 * A second platform admin, made by the global setup through the API (the first admin is left
 * exactly as the server created it, for the sign-in spec), so the specs share no account state.
 */
export const STAFF_EMAIL = 'staff@provena.test';
export const STAFF_PASSWORD = 'Temporary-Staff-Secret-2024';
/** A third platform admin, for the browser-security spec alone. */
export const SECURITY_EMAIL = 'security@provena.test';
export const SECURITY_PASSWORD = 'Temporary-Security-Secret-2024';
/** A plain account (no platform role) for the keyboard sign-in and account spec alone. */
export const KEYBOARD_EMAIL = 'keyboard@provena.test';
export const KEYBOARD_PASSWORD = 'Temporary-Keyboard-Secret-2024';
/** Screenshots of every page the journey passes, to look at after a run. */
export const SHOTS_DIR = process.env.SHOTS_DIR ?? 'test-results/screenshots';
/** A fourth platform admin, for the walk (e2e/walk.spec.ts): the global setup sets its own password. */
export const WALK_EMAIL = 'walk@provena.test';
export const WALK_PASSWORD = 'Harbor-Thistle-Compass-91';
/** Set it (e.g. /work/shots/after) to keep a picture of every page the walk checks, at each width. */
export const WALK_SHOTS_DIR = process.env.WALK_SHOTS_DIR;
/** A fifth platform admin, for the API-keys spec (e2e/api-keys.spec.ts): it sets up that spec's tenant. */
export const KEYS_EMAIL = 'keys@provena.test';
export const KEYS_PASSWORD = 'Copper-Lattice-Heron-74';
