import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// End-to-end tests of the built extension (.output/chrome-mv3) in real Chromium, one file at a time.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  resolve: { alias: { '@': fileURLToPath(new URL('../..', import.meta.url)) } },
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    reporters: ['verbose'],
  },
});
