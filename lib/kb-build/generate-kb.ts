/**
 * `npm run kb`: validates seeds/ and writes the generated knowledge base into lib/kb/generated/.
 * Runs in Node before every build and test; the output is not committed, and is byte-identical
 * for the same seeds.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { buildKnowledgeBase, type BuiltKnowledgeBase } from './build';
import { formatProblem, type SeedInputs } from './validate';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Reads a seeds folder into the build's inputs: YAML parsed, every source text read as UTF-8. */
export async function readSeeds(seedsDir: string): Promise<SeedInputs> {
  const files = await readdir(seedsDir);
  const texts: Record<string, string> = {};
  for (const file of files.filter((f) => f.endsWith('.txt')).sort()) {
    texts[file] = await readFile(join(seedsDir, file), 'utf8');
  }
  const readYaml = async (file: string) => ({
    file,
    data: parse(await readFile(join(seedsDir, file), 'utf8')) as unknown,
  });
  const entryDir = join(seedsDir, 'entries');
  const entryFiles = (await readdir(entryDir)).filter((f) => f.endsWith('.yaml')).sort();
  return {
    sources: await readYaml('sources.yaml'),
    entryFiles: await Promise.all(entryFiles.map((f) => readYaml(join('entries', f)))),
    texts,
  };
}

/** The generated files, as text: stable key order and no timestamps, so output is deterministic. */
export function serializeKnowledgeBase(kb: BuiltKnowledgeBase): Record<string, string> {
  return {
    'index.json': `${JSON.stringify(kb.index)}\n`,
    'page-matcher.json': `${JSON.stringify(kb.pageMatcher)}\n`,
    'details.json': `${JSON.stringify(kb.details)}\n`,
    'derived-forms.json': `${JSON.stringify(kb.derived, null, 1)}\n`,
    'source-texts.json': `${JSON.stringify(kb.sourceTexts)}\n`,
  };
}

async function main(): Promise<void> {
  const seedsDir = process.argv[2] ?? join(projectRoot, 'seeds');
  const outDir = process.argv[3] ?? join(projectRoot, 'lib/kb/generated');
  const { kb, problems } = buildKnowledgeBase(await readSeeds(seedsDir));
  for (const problem of problems) console.error(formatProblem(problem));
  if (!kb) {
    console.error(
      `kb: ${problems.filter((p) => p.severity === 'error').length} error(s) in ${seedsDir}; nothing written`,
    );
    process.exit(1);
  }
  for (const { text, entries, reason } of kb.derived.dropped) {
    console.log(`kb: derived form "${text}" dropped (${reason}): ${entries.join(', ')}`);
  }
  await mkdir(outDir, { recursive: true });
  for (const [name, content] of Object.entries(serializeKnowledgeBase(kb))) {
    await writeFile(join(outDir, name), content);
  }
  console.log(
    `kb: ${Object.keys(kb.details.entries).length} entries from ${kb.details.sources.length} sources, ` +
      `${kb.derived.forms.length} derived forms (${kb.derived.dropped.length} dropped as ambiguous) → ${outDir}`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
