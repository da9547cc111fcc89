import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `npm ci` on the documented Node (package.json `engines`, 20.19 and later) prints no warning:
 * no installed package wants a newer Node (EBADENGINE), and every install script is reviewed in
 * `allowScripts` (npm 11's "install scripts not yet covered by allowScripts").
 */
const root = path.join(import.meta.dirname, '../..');
const read = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));
const manifest = read('package.json') as { engines: { node: string }; allowScripts: Record<string, boolean> };
const lock = read('package-lock.json') as {
  packages: Record<
    string,
    { version?: string; engines?: { node?: string } | string[]; hasInstallScript?: boolean }
  >;
};
// semver comes with npm's own dependency tree (next, drizzle-kit…): the one range parser npm uses.
const semver = createRequire(import.meta.url)('semver') as {
  minVersion(range: string): { version: string } | null;
  satisfies(version: string, range: string): boolean;
};

const installed = Object.entries(lock.packages).filter(([where]) => where.startsWith('node_modules/'));
const nameOf = (where: string) => where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length);

describe('npm ci on the documented Node', () => {
  const oldest = semver.minVersion(manifest.engines.node)!.version;

  it('installs no package whose engines refuse the oldest Node the README promises', () => {
    expect(oldest).toBe('20.19.0');
    const refusing = installed.flatMap(([where, entry]) => {
      const range = !entry.engines || Array.isArray(entry.engines) ? undefined : entry.engines.node;
      return range && !semver.satisfies(oldest, range)
        ? [`${nameOf(where)}@${entry.version} wants ${range}`]
        : [];
    });
    expect(refusing).toEqual([]);
  });

  it('has every install script reviewed in allowScripts', () => {
    const unreviewed = installed
      .filter(([where, entry]) => entry.hasInstallScript && !(nameOf(where) in manifest.allowScripts))
      .map(([where, entry]) => `${nameOf(where)}@${entry.version}`);
    expect(unreviewed).toEqual([]);
    // the two whose scripts build or check a native binary the app needs are allowed to run them
    expect(manifest.allowScripts).toMatchObject({ argon2: true, esbuild: true });
  });
});
