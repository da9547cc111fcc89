/**
 * Starts the dev server (`npm run dev`) on a fresh, temporary PGlite folder and deletes the folder when the server
 * stops, so every e2e run begins from an empty database (a first admin, nothing else).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

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

removeAbandonedFolders();
const dataDir = mkdtempSync(path.join(tmpdir(), PREFIX));
writeFileSync(path.join(dataDir, 'owner.pid'), String(process.pid));
// What `npm run dev` runs, minus the npm and tsx wrappers: they may exit before the server has
// closed its database, and the folder must only go once the server is gone.
const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--import', './server/http/server-only.mjs', 'server/http/main.ts', '--dev'],
  {
    stdio: 'inherit',
    env: { ...process.env, DATA_DIR: dataDir },
  },
);

// Playwright signals the whole process group; the server gets it too and shuts down cleanly.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => {});

child.on('exit', (code, signal) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? (signal ? 1 : 0));
});
