import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { declaredImports, findCycles, importGraph, layerOf } from './import-graph';

const projectRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** Every import that leaves its folder for one the folder may not use, as "file -> target". */
function importsAgainstTheLayers(root: string): string[] {
  const declared = declaredImports(root);
  const libFolders = [...declared.keys()].filter((f) => f !== 'lib/kb-build');
  const allowed = (from: string): Set<string> => {
    if (from === 'components') return new Set(libFolders);
    if (from === 'entrypoints') return new Set([...libFolders, 'components']);
    return declared.get(from) ?? new Set();
  };
  const wrong: string[] = [];
  for (const [file, targets] of importGraph(root)) {
    const from = layerOf(file);
    for (const target of targets) {
      const to = layerOf(target);
      if (to !== from && !allowed(from).has(to)) wrong.push(`${file} -> ${target}`);
    }
  }
  return wrong;
}

/** The folders' declared graph as a graph of folders, to check it is an order. */
function folderGraph(root: string): Map<string, string[]> {
  return new Map([...declaredImports(root)].map(([folder, uses]) => [folder, [...uses]]));
}

describe('the layers', () => {
  it('every lib folder says what it may import, and those promises form an order (no folder cycle)', () => {
    const declared = declaredImports(projectRoot);
    expect(declared.size).toBeGreaterThan(5);
    for (const uses of declared.values()) for (const folder of uses) expect(declared.has(folder), folder).toBe(true);
    expect(findCycles(folderGraph(projectRoot))).toEqual([]);
  });

  it('every import points down: lib folders only to what their README allows, components and entrypoints only to lib and below', () => {
    expect(importsAgainstTheLayers(projectRoot)).toEqual([]);
  });

  it('no two files import each other, directly or round a longer loop', () => {
    expect(findCycles(importGraph(projectRoot))).toEqual([]);
  });
});

describe('the check itself', () => {
  function plantedProject(files: Record<string, string>): string {
    const root = mkdtempSync(join(tmpdir(), 'crosscheck-layers-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(root, dirname(path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return root;
  }
  const twoLayers = {
    'lib/low/README.md': '# low\n\nMay import: nothing\n',
    'lib/high/README.md': '# high\n\nMay import: low\n',
    'lib/high/b.ts': "import { a } from '../low/a';\nexport const b = a;\n",
  };

  it.each([
    ['a down import', 'export const a = 1;\n', []],
    [
      'a planted back-import (low imports high)',
      "import { b } from '../high/b';\nexport const a = b;\n",
      ['lib/low/a.ts -> lib/high/b.ts'],
    ],
    [
      'a back-import of a type only',
      "import type { B } from '@/lib/high/b';\nexport const a = 1;\n",
      ['lib/low/a.ts -> lib/high/b.ts'],
    ],
    [
      'lib reaching up into components',
      "import { C } from '@/components/C';\nexport const a = C;\n",
      ['lib/low/a.ts -> components/C.tsx'],
    ],
  ])('%s', (_name, lowFile, expected) => {
    const root = plantedProject({ ...twoLayers, 'lib/low/a.ts': lowFile, 'components/C.tsx': 'export const C = 1;\n' });
    expect(importsAgainstTheLayers(root)).toEqual(expected);
  });

  it.each([
    ['none', { a: ['b'], b: ['c'], c: [] }, 0],
    ['a file importing itself through another', { a: ['b'], b: ['a'] }, 1],
    ['a longer loop', { a: ['b'], b: ['c'], c: ['a'], d: ['a'] }, 1],
  ])('finds cycles: %s', (_name, edges, count) => {
    expect(findCycles(new Map(Object.entries(edges)))).toHaveLength(count);
  });

  it('a folder promise that runs in a circle is not an order', () => {
    const root = plantedProject({
      'lib/low/README.md': 'May import: high\n',
      'lib/high/README.md': 'May import: low\n',
    });
    expect(findCycles(folderGraph(root))).toHaveLength(1);
  });
});
