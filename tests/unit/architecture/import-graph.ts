/**
 * The project's import graph, read from the source text: every file under lib/, components/ and
 * entrypoints/, and the project files each imports (packages and assets left out). Type-only
 * imports count too: a type that lives above its user is the same wrong direction.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const ROOTS = ['lib', 'components', 'entrypoints'] as const;
const SOURCE = /\.(ts|tsx)$/;
const SPECIFIER = /(?:\bfrom|\bimport)\s*\(?\s*['"]([^'"]+)['"]/g;

function sourceFiles(projectRoot: string, folder: string): string[] {
  const full = join(projectRoot, folder);
  if (!existsSync(full)) return [];
  return readdirSync(full).flatMap((name) => {
    const path = join(folder, name);
    if (name === 'generated' || name === 'node_modules') return [];
    if (statSync(join(projectRoot, path)).isDirectory()) return sourceFiles(projectRoot, path);
    return SOURCE.test(name) ? [path] : [];
  });
}

/** The project file a specifier names, or null for a package, an asset or JSON. */
export function resolveSpecifier(projectRoot: string, fromFile: string, specifier: string): string | null {
  const bare = specifier.split('?')[0]!;
  let base: string;
  if (bare.startsWith('@/')) base = bare.slice(2);
  else if (bare.startsWith('.')) base = relative(projectRoot, resolve(projectRoot, dirname(fromFile), bare));
  else return null;
  for (const ending of ['.ts', '.tsx', '/index.ts', '']) {
    const candidate = base + ending;
    if (SOURCE.test(candidate) && existsSync(join(projectRoot, candidate))) return candidate;
  }
  return null;
}

/** Each source file and the project files it imports. */
export function importGraph(projectRoot: string, files = ROOTS.flatMap((r) => sourceFiles(projectRoot, r))) {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(join(projectRoot, file), 'utf8');
    const targets = [...text.matchAll(SPECIFIER)]
      .map((m) => resolveSpecifier(projectRoot, file, m[1]!))
      .filter((t): t is string => t !== null && t !== file);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** The folder a file belongs to for the layering rules: `lib/<folder>`, `components` or `entrypoints`. */
export function layerOf(file: string): string {
  const [top, second] = file.split('/');
  return top === 'lib' && second && !SOURCE.test(second) ? `lib/${second}` : top!;
}

/** The cycles in a graph, each as the path that closes it (a file-level strongly connected walk). */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

/** What each lib folder's README.md says it may import: its line `May import: a, b` (or `nothing`). */
export function declaredImports(projectRoot: string): Map<string, Set<string>> {
  const declared = new Map<string, Set<string>>();
  for (const folder of readdirSync(join(projectRoot, 'lib'))) {
    const readme = join(projectRoot, 'lib', folder, 'README.md');
    if (!statSync(join(projectRoot, 'lib', folder)).isDirectory()) continue;
    const line = existsSync(readme) ? /^May import: (.*)$/m.exec(readFileSync(readme, 'utf8')) : null;
    if (!line) throw new Error(`lib/${folder}/README.md has no "May import:" line`);
    const names =
      line[1]!.trim() === 'nothing' ? [] : line[1]!.split(',').map((n) => `lib/${n.trim().replace(/[`.]/g, '')}`);
    declared.set(`lib/${folder}`, new Set(names));
  }
  return declared;
}
