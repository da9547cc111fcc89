// The module boundaries of ARCHITECTURE.md ("A request flows one way"), checked on every import.
// Biome's noRestrictedImports cannot tell `import type` from a value import, nor a 'use client' file
// from a server component, so this small checker (TypeScript's parser, no type checking) does it.
// Run by `npm run lint`; tests/unit/check-boundaries.test.ts proves it refuses what it must.
//
//   client code (everything under components/, and 'use client' files under app/) imports from
//     server/ or db/ only isomorphic modules (a file named schemas.ts or catalog.ts, or a module's
//     errors.ts or audit.ts: server/modules/<area>/errors.ts, …/audit.ts) or types;
//   server/modules/*/services/ import nothing from server/http, server/rest or app/;
//   db/ imports nothing from server/.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export type Violation = { file: string; line: number; specifier: string; rule: string };

const ISOMORPHIC = new Set(['schemas', 'catalog']);
/** A module's error codes and audit actions: data tables, isomorphic by their place. */
const MODULE_TABLE = /^server\/modules\/[^/]+\/(errors|audit)$/;

type Import = { specifier: string; typeOnly: boolean; line: number };

function importsOf(source: ts.SourceFile): Import[] {
  const found: Import[] = [];
  const line = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      // `import type {…}`, or `import { type A, type B }` with no default and only type specifiers.
      // A bare `import 'x'` (side effects) is a value import.
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      found.push({ specifier: node.moduleSpecifier.text, typeOnly, line: line(node) });
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier !== undefined &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const typeOnly =
        node.isTypeOnly ||
        (node.exportClause !== undefined &&
          ts.isNamedExports(node.exportClause) &&
          node.exportClause.elements.length > 0 &&
          node.exportClause.elements.every((e) => e.isTypeOnly));
      found.push({ specifier: node.moduleSpecifier.text, typeOnly, line: line(node) });
    } else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === 'require')) &&
      node.arguments[0] !== undefined &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push({ specifier: node.arguments[0].text, typeOnly: false, line: line(node) });
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      found.push({ specifier: node.argument.literal.text, typeOnly: true, line: line(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function isClientDirective(source: ts.SourceFile): boolean {
  for (const statement of source.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) return false;
    if (statement.expression.text === 'use client') return true;
  }
  return false;
}

/** The imported module as a path relative to the repository root ('server/core/errors'), or null for a package. */
function target(file: string, specifier: string): string | null {
  let resolved: string;
  if (specifier.startsWith('@/')) resolved = specifier.slice(2);
  else if (specifier.startsWith('.')) resolved = path.posix.join(path.posix.dirname(file), specifier);
  else return null;
  return path.posix.normalize(resolved).replace(/\.(tsx?|jsx?|mjs|cjs)$/, '');
}

const under = (p: string, dir: string) => p === dir || p.startsWith(`${dir}/`);

function isIsomorphic(module: string): boolean {
  const parts = module.split('/');
  let base = parts[parts.length - 1]!;
  if (base === 'index' && parts.length > 1) base = parts[parts.length - 2]!;
  return ISOMORPHIC.has(base) || MODULE_TABLE.test(module);
}

/** Checks one file. `file` is relative to the repository root, with forward slashes. */
export function checkSource(file: string, text: string): Violation[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const client = under(file, 'components') || (under(file, 'app') && isClientDirective(source));
  const service = /^server\/modules\/[^/]+\/services\//.test(file);
  const db = under(file, 'db');
  const violations: Violation[] = [];
  for (const imp of importsOf(source)) {
    const module = target(file, imp.specifier);
    if (module === null) continue;
    const report = (rule: string) =>
      violations.push({ file, line: imp.line, specifier: imp.specifier, rule });
    if (
      client &&
      !imp.typeOnly &&
      (under(module, 'server') || under(module, 'db')) &&
      !isIsomorphic(module)
    ) {
      report(
        'client code imports from server/ and db/ only isomorphic modules (schemas.ts, catalog.ts, errors.ts or audit.ts of a module) or types',
      );
    }
    if (service && (under(module, 'server/http') || under(module, 'server/rest') || under(module, 'app'))) {
      report('services never import from server/http, server/rest or app/');
    }
    if (db && under(module, 'server')) report('db/ imports nothing from server/');
  }
  return violations;
}

const ROOTS = ['app', 'components', 'server', 'db'];

function* sourceFiles(root: string, dir: string): Generator<string> {
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'migrations') yield* sourceFiles(root, rel);
    } else if (/\.(tsx?|mts|cts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      yield rel;
    }
  }
}

export function checkTree(root: string): Violation[] {
  const violations: Violation[] = [];
  for (const dir of ROOTS) {
    for (const file of sourceFiles(root, dir)) {
      violations.push(...checkSource(file, readFileSync(path.join(root, file), 'utf8')));
    }
  }
  return violations;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(import.meta.dirname, '..');
  const violations = checkTree(root);
  for (const v of violations) console.error(`${v.file}:${v.line}  '${v.specifier}'  ${v.rule}`);
  if (violations.length > 0) {
    console.error(`\n${violations.length} boundary violation(s).`);
    process.exit(1);
  }
  console.log('boundaries: ok');
}
