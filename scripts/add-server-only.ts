// Marks every server-only module under server/ with `import 'server-only';` as its first line, so
// Next refuses to build a client component that imports one. Idempotent: run it again after a merge
// or after adding files (`npx tsx scripts/add-server-only.ts`, `--check` only reports).
//
// Left unmarked (isomorphic, imported by client code or safe to be):
//   - files named schemas.ts, catalog.ts, meta.ts, ids.ts, and a module's errors.ts and audit.ts
//     (server/modules/<area>/errors.ts, …/audit.ts: its error codes and audit actions, data only);
//   - every server/ file that client code (components/, 'use client' files in app/) imports as a value;
//   - every server/ file those import as a value, transitively (printed, since such a file is a
//     candidate to move into a schemas.ts or catalog.ts).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(import.meta.dirname, '..');
const ISOMORPHIC_NAMES = new Set(['schemas.ts', 'catalog.ts', 'meta.ts', 'ids.ts']);
const MODULE_TABLE = /^server\/modules\/[^/]+\/(errors|audit)\.ts$/;
const isIsomorphicFile = (file: string) =>
  ISOMORPHIC_NAMES.has(path.posix.basename(file)) || MODULE_TABLE.test(file);
const MARK = "import 'server-only';";
const check = process.argv.includes('--check');

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) yield* files(rel);
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield rel;
  }
}

function parse(file: string) {
  const text = readFileSync(path.join(root, file), 'utf8');
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return { text, source: ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind) };
}

const isClient = (file: string, source: ts.SourceFile) =>
  file.startsWith('components/') ||
  source.statements.some(
    (s) =>
      ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression) && s.expression.text === 'use client',
  );

/** The server/ files a file imports as values (type-only imports are erased and do not count). */
function valueImports(file: string, source: ts.SourceFile, known: Set<string>): string[] {
  const out: string[] = [];
  for (const s of source.statements) {
    let spec: string | undefined;
    if (ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier)) {
      const c = s.importClause;
      const typeOnly =
        c !== undefined &&
        (c.isTypeOnly ||
          (c.name === undefined &&
            c.namedBindings !== undefined &&
            ts.isNamedImports(c.namedBindings) &&
            c.namedBindings.elements.length > 0 &&
            c.namedBindings.elements.every((e) => e.isTypeOnly)));
      if (!typeOnly) spec = s.moduleSpecifier.text;
    } else if (ts.isExportDeclaration(s) && s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier)) {
      if (!s.isTypeOnly) spec = s.moduleSpecifier.text;
    }
    if (spec === undefined) continue;
    let target: string;
    if (spec.startsWith('@/')) target = spec.slice(2);
    else if (spec.startsWith('.')) target = path.posix.join(path.posix.dirname(file), spec);
    else continue;
    target = path.posix.normalize(target).replace(/\.tsx?$/, '');
    for (const candidate of [`${target}.ts`, `${target}.tsx`, `${target}/index.ts`]) {
      if (known.has(candidate)) out.push(candidate);
    }
  }
  return out;
}

const serverFiles = new Set(files('server'));
const clientRoots: string[] = [];
for (const dir of ['components', 'app']) {
  for (const file of files(dir)) {
    const { source } = parse(file);
    if (isClient(file, source)) clientRoots.push(file);
  }
}

// Files reachable from client code or from an isomorphic file stay unmarked.
const keep = new Map<string, string>(); // file -> why
const queue: string[] = [];
for (const file of serverFiles) {
  if (isIsomorphicFile(file)) {
    keep.set(file, 'isomorphic name');
    queue.push(file);
  }
}
for (const file of clientRoots) {
  for (const dep of valueImports(file, parse(file).source, serverFiles)) {
    if (!keep.has(dep)) {
      keep.set(dep, `imported by client code ${file}`);
      queue.push(dep);
    }
  }
}
while (queue.length > 0) {
  const file = queue.shift()!;
  for (const dep of valueImports(file, parse(file).source, serverFiles)) {
    if (!keep.has(dep)) {
      keep.set(dep, `imported by isomorphic ${file}`);
      queue.push(dep);
    }
  }
}

let changed = 0;
const missing: string[] = [];
for (const file of [...serverFiles].sort()) {
  const { text } = parse(file);
  const marked = text.startsWith(`${MARK}\n`);
  if (keep.has(file)) {
    if (marked) console.warn(`warning: ${file} is marked server-only but ${keep.get(file)}`);
    if (!check && !keep.get(file)!.startsWith('isomorphic name'))
      console.log(`unmarked: ${file} (${keep.get(file)})`);
    continue;
  }
  if (marked) continue;
  if (check) {
    missing.push(file);
    continue;
  }
  writeFileSync(path.join(root, file), `${MARK}\n${text}`);
  changed++;
}
if (check && missing.length > 0) {
  for (const file of missing) console.error(`missing ${MARK} in ${file}`);
  process.exit(1);
}
console.log(check ? 'server-only: ok' : `server-only: marked ${changed} file(s)`);
