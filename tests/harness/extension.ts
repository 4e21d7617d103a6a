import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './server';

/** The unpacked Chrome build that `npm run build` writes. */
export function builtExtensionPath(): string {
  const path = join(PROJECT_ROOT, '.output/chrome-mv3');
  if (!existsSync(join(path, 'manifest.json'))) {
    throw new Error(`No built extension at ${path}: run \`npm run build\` first.`);
  }
  return path;
}
