import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

/** Chromium for e2e tests, the demo and the benchmark: $CHROME_PATH, else /usr/bin/chromium, else PATH. */
export function findChromium(): string {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    ...(process.env.PATH ?? '')
      .split(delimiter)
      .flatMap((dir) =>
        ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'].map((name) => join(dir, name)),
      ),
  ];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found) {
    throw new Error(
      'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get update && sudo apt-get install -y chromium`) ' +
        'or point CHROME_PATH at a Chromium or Chrome binary.',
    );
  }
  return found;
}

/** The version of the Chromium that findChromium() finds, such as "156.0.8078.129". */
export function chromiumVersion(): string {
  const output = execFileSync(findChromium(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return /\d+(\.\d+)+/.exec(output)?.[0] ?? output.trim();
}

/** The flags every run uses: no sandbox (root in CI), and no background traffic on a closed network. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export interface ExtensionBrowser {
  readonly context: BrowserContext;
  readonly extensionId: string;
  readonly serviceWorker: Worker;
  close(): Promise<void>;
}

export interface LaunchOptions {
  readonly headless?: boolean;
  readonly colorScheme?: 'light' | 'dark';
  readonly viewport?: { width: number; height: number };
  /**
   * The browser's UI language, as Linux's LANGUAGE names it ("zh_CN"), which the extension speaks
   * (`browser.i18n`): Debian's Chromium reads it from the environment (with chromium-l10n installed;
   * its --lang flag does nothing on Linux). Unset, the environment's own.
   */
  readonly language?: string;
}

/** Chromium with the built extension loaded, in a fresh profile that close() deletes. */
export async function launchWithExtension(
  extensionPath: string,
  options: LaunchOptions = {},
): Promise<ExtensionBrowser> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'crosscheck-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: options.headless ?? true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1280, height: 900 },
    args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`],
    ...(options.language && { env: { ...process.env, LANGUAGE: options.language } }),
  });
  const serviceWorker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
