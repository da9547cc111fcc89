/**
 * The e2e server runs the production build (`next build`'s `.next/`). CI builds just before the
 * e2e stage, so its build is current; a local run with no build, or one older than the sources,
 * builds first, so a run never tests yesterday's pages.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const BUILD_ID = path.resolve('.next/BUILD_ID');
/** What `next build` compiles from: a file here newer than the build makes the build stale. */
const SOURCES = [
  'app',
  'components',
  'server',
  'db',
  'instrumentation-client.ts',
  'next.config.ts',
  'postcss.config.mjs',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** Why a build is needed before serving, or undefined when `.next/` is current. */
export function buildNeeded(): string | undefined {
  if (!existsSync(BUILD_ID)) return 'no production build (.next/BUILD_ID)';
  const built = statSync(BUILD_ID).mtimeMs;
  const stale = SOURCES.find((source) => newestMtime(path.resolve(source)) > built);
  return stale ? `${stale} changed since the last build` : undefined;
}
