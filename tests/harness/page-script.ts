import { join } from 'node:path';
import { build } from 'esbuild';
import { PROJECT_ROOT } from './server';

/**
 * Bundles one of the project's TypeScript entry files (with the `@/` alias) into a script a page can
 * run with `addScriptTag`: how the benchmark and the extraction suite run the extension's own
 * modules inside Chromium without the extension around them.
 */
export async function bundleForPage(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [join(PROJECT_ROOT, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    minify: true,
    alias: { '@': PROJECT_ROOT },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
