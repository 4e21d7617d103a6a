/**
 * Firefox for the e2e suite and the benchmark: everything in which driving Firefox differs from
 * driving Chromium is here. Firefox is driven over WebDriver BiDi with puppeteer-core (Playwright's
 * BiDi Firefox does not start on ESR 153), the unpacked Firefox build installed as a temporary
 * add-on. What BiDi cannot do, done another way:
 * - extension pages (`moz-extension://`) need `--remote-allow-system-access`, and `page.goto()` on
 *   them never resolves: the navigation is started and the page polled until it has loaded;
 * - the background page is reached from an extension tab (`runtime.getBackgroundPage()`), and its
 *   errors reach only Firefox's own output;
 * - the colour scheme cannot be emulated (that needs CDP): a small helper add-on sets it with
 *   `browserSettings.overrideContentColorScheme`, live for every page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import type WebExtension from 'webextension-polyfill';
import type { FirstPassWait } from './first-pass';
import { firstPassEnded } from './in-page';

/** Firefox: $FIREFOX_PATH, else Debian's firefox-esr, else firefox, else either on PATH; null if none. */
export function firefoxPath(): string | null {
  const candidates = [
    process.env.FIREFOX_PATH,
    '/usr/bin/firefox-esr',
    '/usr/bin/firefox',
    ...(process.env.PATH ?? '').split(delimiter).flatMap((dir) => ['firefox-esr', 'firefox'].map((n) => join(dir, n))),
  ];
  return candidates.find((path): path is string => !!path && existsSync(path)) ?? null;
}

function findFirefox(): string {
  const found = firefoxPath();
  if (!found) {
    throw new Error(
      'No Firefox found. Install one (Debian/Ubuntu: `sudo apt-get update && sudo apt-get install -y firefox-esr`) ' +
        'or point FIREFOX_PATH at a Firefox binary.',
    );
  }
  return found;
}

/** waitForFirstPass (first-pass.ts) in Firefox: until Crosscheck's first pass on `page` has ended. */
export async function waitForFirstPassInFirefox(
  page: Page,
  { timeoutMs, pollingMs = 100 }: FirstPassWait = {},
): Promise<void> {
  await page.waitForFunction(firstPassEnded, { polling: pollingMs, timeout: timeoutMs });
}

/** The internal UUIDs given to the add-ons in the test profile, so that their pages have known addresses. */
const CROSSCHECK_UUID = '5d1e3c0a-7b42-4f0e-9a51-c0ffeec0ffee';
const SCHEME_HELPER_ID = 'colour-scheme@crosscheck-tests.invalid';
const SCHEME_HELPER_UUID = '5d1e3c0a-7b42-4f0e-9a51-5c4e4e5c4e4e';

/** A helper add-on whose one page may set the colour scheme pages see (Crosscheck has no such permission). */
const SCHEME_HELPER_FILES: Readonly<Record<string, string>> = {
  'manifest.json': JSON.stringify({
    manifest_version: 2,
    name: 'Colour scheme (Crosscheck tests)',
    version: '1.0',
    permissions: ['browserSettings'],
    browser_specific_settings: { gecko: { id: SCHEME_HELPER_ID } },
  }),
  'scheme.html': '<!doctype html><meta charset="utf-8"><title>Colour scheme</title>',
};

export type FirefoxApi = WebExtension.Browser;

/** How long an extension page may take to load, as long as puppeteer waits for a web page. */
const EXTENSION_PAGE_TIMEOUT_MS = 30_000;

export interface FirefoxExtension {
  readonly browser: Browser;
  /** The extension's own origin, `moz-extension://<uuid>/`. */
  readonly origin: string;
  /** Where downloads are saved. */
  readonly downloads: string;
  /** A new tab; errors the extension reports in it are recorded (see errors()). */
  newPage(): Promise<Page>;
  /** One of the extension's pages (`popup.html?tab=3`) in a new tab, once it has loaded. */
  openExtensionPage(path: string): Promise<Page>;
  /** Runs `fn` in the background page, with its `browser`, and returns what it returns. */
  inBackground<A, R>(fn: (api: FirefoxApi, arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** The tab id of `page` (brought to the front: without the "tabs" permission the active tab is asked for). */
  tabIdOf(page: Page): Promise<number>;
  /** The card's frame in `page` (the card is drawn in it once a highlight opens it). */
  cardFrame(page: Page): Promise<Frame>;
  /** The colour scheme every page sees from now on. */
  setColorScheme(scheme: 'light' | 'dark'): Promise<void>;
  /**
   * What the extension reported as errors so far: console errors and uncaught errors in its pages,
   * frames and content scripts, and errors of its background in Firefox's output.
   */
  errors(): string[];
  close(): Promise<void>;
}

/** Whether an error is the extension's: it names the extension's address or Crosscheck (a page's own errors do not). */
const fromExtension = (text: string, origin: string) => text.includes(origin) || /crosscheck/i.test(text);

/**
 * Errors of the extension in Firefox's output: uncaught errors and rejections ("JavaScript error:"
 * and the script's address), and the `console.error` of its background and pages (printed with the
 * devtools.console.stdout.content pref, each with the indented lines that follow it), where the
 * message or its error's stack names the extension: Firefox's own code logs errors there too.
 */
function extensionErrorsInOutput(output: string, origin: string): string[] {
  const errors: string[] = [];
  let current: string[] | null = null;
  for (const line of output.split('\n')) {
    if (current && /^\s/.test(line) && line.trim()) {
      current.push(line.trim());
      continue;
    }
    if (current) errors.push(current.join(' '));
    current = /^(JavaScript error|console\.error):/.test(line) ? [line] : null;
  }
  if (current) errors.push(current.join(' '));
  return errors.filter((error) => fromExtension(error, origin));
}

export interface FirefoxOptions {
  /**
   * The UI language Firefox asks for ("zh-CN"), which the extension then speaks (`browser.i18n`).
   * Asking (the intl.locale.requested pref) is not enough: Firefox speaks only a language it has a
   * language pack for (see languagePackToInstall).
   */
  readonly locale?: string;
}

/**
 * The language pack to install for `locale`: from $FIREFOX_LANGPACKS; none where Firefox has its own
 * (Debian's firefox-esr-l10n-<locale> package, which Firefox loads by itself). An error where there
 * is neither: without one, Firefox speaks its own language whatever it is asked.
 */
function languagePackToInstall(locale: string): string | null {
  const name = `langpack-${locale}@firefox-esr.mozilla.org.xpi`;
  const given = process.env.FIREFOX_LANGPACKS && join(process.env.FIREFOX_LANGPACKS, name);
  if (given && existsSync(given)) return given;
  if (existsSync(join('/usr/lib/firefox-esr/browser/extensions', name))) return null;
  throw new Error(
    `No Firefox language pack for ${locale}. Install one (Debian: \`sudo apt-get install -y ` +
      `firefox-esr-l10n-${locale.toLowerCase()}\`) or point FIREFOX_LANGPACKS at a folder holding ${name}.`,
  );
}

/** Firefox with the built extension installed as a temporary add-on, in a fresh profile that close() deletes. */
export async function launchFirefoxWithExtension(
  extensionPath: string,
  { locale }: FirefoxOptions = {},
): Promise<FirefoxExtension> {
  const pack = locale === undefined ? null : languagePackToInstall(locale);
  const work = await mkdtemp(join(tmpdir(), 'crosscheck-firefox-'));
  const downloads = join(work, 'downloads');
  const helper = join(work, 'scheme-helper');
  await mkdir(downloads);
  await mkdir(helper);
  for (const [name, text] of Object.entries(SCHEME_HELPER_FILES)) await writeFile(join(helper, name), text);
  const geckoId = (
    JSON.parse(readFileSync(join(extensionPath, 'manifest.json'), 'utf8')) as {
      browser_specific_settings: { gecko: { id: string } };
    }
  ).browser_specific_settings.gecko.id;

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    // The viewport the Chromium suite uses.
    defaultViewport: { width: 1280, height: 900 },
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({
        [geckoId]: CROSSCHECK_UUID,
        [SCHEME_HELPER_ID]: SCHEME_HELPER_UUID,
      }),
      // Downloads (a knowledge pack) go to the test's folder without a prompt.
      'browser.download.dir': downloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      // The background page's console reaches Firefox's output only (it is a content document).
      'devtools.console.stdout.content': true,
      // The passes' own timings to the microsecond, as in Chromium (Firefox rounds performance.now() to 1 ms).
      'privacy.reduceTimerPrecision': false,
      ...(locale !== undefined && { 'intl.locale.requested': locale }),
    },
  });
  let output = '';
  for (const stream of [browser.process()?.stdout, browser.process()?.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => (output += chunk));
  }
  const origin = `moz-extension://${CROSSCHECK_UUID}/`;
  const pageErrors: string[] = [];

  const newPage = async () => {
    const page = await browser.newPage();
    page.on('console', (message) => {
      const where = message.location().url ?? '';
      if (message.type() === 'error' && fromExtension(`${where} ${message.text()}`, origin))
        pageErrors.push(`${where}: ${message.text()}`);
    });
    page.on('pageerror', (error) => {
      const text = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
      if (fromExtension(text, origin)) pageErrors.push(text);
    });
    return page;
  };
  const openAt = async (address: string) => {
    const page = await newPage();
    // A navigation to an extension page never reports its end over BiDi: start it, then poll (an
    // evaluation can fail while the document it ran in goes away).
    void page.goto(address).catch(() => undefined);
    const loaded = (address: string) => location.href === address && document.readyState === 'complete';
    for (const started = Date.now(); !(await page.evaluate(loaded, address).catch(() => false));) {
      if (Date.now() - started > EXTENSION_PAGE_TIMEOUT_MS) throw new Error(`${address} did not load`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return page;
  };

  let control: Page;
  let scheme: Page;
  try {
    // The language first: an extension takes the UI language as it starts.
    if (pack) await browser.installExtension(pack);
    await browser.installExtension(extensionPath);
    await browser.installExtension(helper);
    // Extension tabs that run none of Crosscheck's code: one reaches its background, one sets the
    // colour scheme. Opened first: a tab opened later would take the front from the page a test is on.
    control = await openAt(`${origin}icons/16.png`);
    scheme = await openAt(`moz-extension://${SCHEME_HELPER_UUID}/scheme.html`);
  } catch (error) {
    await browser.close();
    await rm(work, { recursive: true, force: true });
    throw error;
  }
  const inBackground = async <A, R>(fn: (api: FirefoxApi, arg: A) => R | Promise<R>, arg: A): Promise<R> =>
    (await control.evaluate(
      `(async () => {
        const background = await browser.runtime.getBackgroundPage();
        return (${fn.toString()})(background.browser, ${JSON.stringify(arg)});
      })()`,
    )) as R;

  if (locale !== undefined) {
    const speaks = await inBackground((api) => api.i18n.getUILanguage(), null);
    if (speaks !== locale) {
      await browser.close();
      await rm(work, { recursive: true, force: true });
      throw new Error(`Firefox asked for ${locale} with its language pack speaks ${speaks}.`);
    }
  }

  return {
    browser,
    origin,
    downloads,
    newPage,
    openExtensionPage: (path) => openAt(`${origin}${path}`),
    inBackground,
    async tabIdOf(page) {
      await page.bringToFront();
      return inBackground(
        async (api) => (await api.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!,
        null,
      );
    },
    cardFrame: async (page) => (await page.waitForSelector('crosscheck-popover >>> iframe'))!.contentFrame(),
    async setColorScheme(value) {
      await scheme.evaluate(
        (value) =>
          (globalThis as unknown as { browser: FirefoxApi }).browser.browserSettings.overrideContentColorScheme.set({
            value,
          }),
        value,
      );
    },
    errors: () => [...pageErrors, ...extensionErrorsInOutput(output, origin)],
    async close() {
      await browser.close();
      await rm(work, { recursive: true, force: true });
    },
  };
}
