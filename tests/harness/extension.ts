import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './server';

/** The unpacked builds that `npm run build` writes: Chrome's (MV3) and Firefox's (MV2). */
export type BuildTarget = 'chrome-mv3' | 'firefox-mv2';

/** Where `npm run build` wrote the unpacked extension for `target`. */
export function builtExtensionPath(target: BuildTarget = 'chrome-mv3'): string {
  const path = join(PROJECT_ROOT, '.output', target);
  if (!existsSync(join(path, 'manifest.json'))) {
    throw new Error(`No built extension at ${path}: run \`npm run build\` first.`);
  }
  return path;
}
