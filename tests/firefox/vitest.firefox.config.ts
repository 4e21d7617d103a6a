import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// End-to-end tests of the built Firefox extension (.output/firefox-mv2) in real Firefox: one file,
// one browser launch (see tests/harness/firefox.ts).
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  resolve: { alias: { '@': fileURLToPath(new URL('../..', import.meta.url)) } },
  test: {
    include: ['tests/firefox/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // Firefox and, for the reference highlights, Chromium start in it: slow on a loaded machine.
    hookTimeout: 180_000,
    fileParallelism: false,
    reporters: ['verbose'],
  },
});
