/**
 * Starts the production server (what `npm start` runs) on a fresh, temporary PGlite folder and
 * deletes the folder when the server stops, so every e2e run begins from an empty database (a first
 * admin, nothing else). Builds first when `.next/` is missing or older than the sources (e2e/build.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildNeeded } from './build';

const PREFIX = 'provena-e2e-';

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Folders of earlier runs that were killed before they could clean up; a live run's folder stays. */
function removeAbandonedFolders() {
  for (const name of readdirSync(tmpdir()).filter((entry) => entry.startsWith(PREFIX))) {
    const folder = path.join(tmpdir(), name);
    let owner = Number.NaN;
    try {
      owner = Number(readFileSync(path.join(folder, 'owner.pid'), 'utf8'));
    } catch {}
    if (!Number.isInteger(owner) || !isAlive(owner)) rmSync(folder, { recursive: true, force: true });
  }
}

const reason = buildNeeded();
if (reason) {
  process.stdout.write(`e2e: building first (${reason})\n`);
  const build = spawnSync('npx', ['--no-install', 'next', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

removeAbandonedFolders();
const dataDir = mkdtempSync(path.join(tmpdir(), PREFIX));
writeFileSync(path.join(dataDir, 'owner.pid'), String(process.pid));
// What `npm start` runs, minus the npm and tsx wrappers: they may exit before the server has
// closed its database, and the folder must only go once the server is gone.
const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--import', './server/http/server-only.mjs', 'server/http/main.ts'],
  {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', DATA_DIR: dataDir },
  },
);

// Playwright signals the whole process group; the server gets it too and shuts down cleanly.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => {});

child.on('exit', (code, signal) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? (signal ? 1 : 0));
});
