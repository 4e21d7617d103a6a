/**
 * What the extension adds to a page's main thread on a fresh load (issue 28), measured from outside:
 * the page's whole main-thread task time and script time from CDP `Performance.getMetrics` 2 s
 * after its load event, in a browser with the extension less one without it, loads of the two
 * interleaved; and the first card, from the reader's trusted hover or click to the card painted.
 *
 * Called by bench.ts for its headline; run alone with `npm run build:chrome && tsx
 * tests/bench/added-cost.ts [--quick]`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium, launchWithExtension } from '../harness/chromium';
import { builtExtensionPath } from '../harness/extension';
import { seedInLayout } from '../harness/big-page';
import { startPageServer } from '../harness/server';
import { HOVER_INTENT_MS } from '@/lib/card/highlight-interactions';
import { firstCard, type CardInput } from './first-card';

/** Issue 28's wait after the load event before the page's metrics are read: the extension's work is done by then. */
const AFTER_LOAD_MS = 2000;
/** Issue 28: the first card, from the reader's input to the card painted, at most. */
const FIRST_CARD_TARGET_MS = 50;
const SETTLE_MS = 500;

/** A page of the table, with its target for the extension's added main-thread time. */
export interface AddedCostPage {
  readonly name: string;
  readonly path: string;
  readonly targetMs: number;
}

/** One fresh load's main-thread time, as CDP's Performance domain counts it from the navigation. */
export interface LoadMetrics {
  /** Every task on the page's main thread (`TaskDuration`), ms. */
  readonly taskMs: number;
  /** JavaScript run in them (`ScriptDuration`), ms. */
  readonly scriptMs: number;
}

export interface AddedCostResult {
  readonly page: AddedCostPage;
  readonly withExtension: LoadMetrics[];
  readonly without: LoadMetrics[];
}

export interface FirstCardResult {
  readonly input: CardInput;
  readonly ms: number[];
}

export interface AddedCost {
  readonly pages: AddedCostResult[];
  readonly cards: FirstCardResult[];
  readonly loads: number;
}

/** The pages issue 28 measures: a shop listing without an article, the seed article page, the seed article in nytimes-4. */
export function addedCostPages(): { pages: AddedCostPage[]; extraPages: Map<string, string> } {
  const nytimes = seedInLayout('nytimes-4');
  return {
    pages: [
      { name: 'Shop listing, no article (60 product cards)', path: '/fixtures/shop-listing.html', targetMs: 2 },
      { name: 'Seed article page (armitage)', path: '/seed/armitage.html', targetMs: 15 },
      {
        name: `Seed article in ${nytimes.realLayout ? 'nytimes-4' : 'a bare article'}`,
        path: '/bench/added-cost/nytimes-4.html',
        targetMs: 15,
      },
    ],
    extraPages: new Map([['/bench/added-cost/nytimes-4.html', nytimes.html]]),
  };
}

/** A browser like launchWithExtension's, without the extension: the baseline. */
async function launchWithout(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'crosscheck-plain-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    colorScheme: 'light',
    viewport: { width: 1280, height: 900 },
    args: CHROMIUM_FLAGS,
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Loads `url` in a new tab and reads its main-thread metrics AFTER_LOAD_MS after the load event. */
async function freshLoad(context: BrowserContext, url: string): Promise<LoadMetrics> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(AFTER_LOAD_MS);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000;
    return { taskMs: metric('TaskDuration'), scriptMs: metric('ScriptDuration') };
  } finally {
    await page.close();
  }
}

/**
 * `loads` fresh loads of each page in a browser with the extension and in one without, one
 * after the other, which goes first alternating; then the first card, `loads` times by each input.
 */
export async function measureAddedCost(
  origin: string,
  pages: readonly AddedCostPage[],
  loads: number,
): Promise<AddedCost> {
  const extension = await launchWithExtension(builtExtensionPath());
  const plain = await launchWithout();
  try {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const results: AddedCostResult[] = pages.map((page) => ({ page, withExtension: [], without: [] }));
    for (let run = 0; run < loads; run++) {
      for (const result of results) {
        const url = `${origin}${result.page.path}`;
        const withExtension = () => freshLoad(extension.context, url).then((m) => result.withExtension.push(m));
        const without = () => freshLoad(plain.context, url).then((m) => result.without.push(m));
        if (run % 2 === 0) await withExtension().then(without);
        else await without().then(withExtension);
      }
    }
    const cards: FirstCardResult[] = [];
    for (const input of ['click', 'hover'] as const) {
      const ms: number[] = [];
      for (let run = 0; run < loads; run++)
        ms.push(
          await firstCard(extension, `${origin}/seed/armitage.html`, '[data-crosscheck-id="soft-secession"]', input),
        );
      cards.push({ input, ms });
    }
    return { pages: results, cards, loads };
  } finally {
    await extension.close();
    await plain.close();
  }
}

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
const fmt = (ms: number) => ms.toFixed(1);
const signed = (ms: number) => `${ms >= 0 ? '+' : '−'}${Math.abs(ms).toFixed(1)}`;

/** The headline table and its notes, as markdown lines. */
export function addedCostTable({ pages, cards, loads }: AddedCost): string[] {
  const cardWhat: Record<CardInput, string> = {
    click: 'First card: a click as the pointer reaches a highlight',
    hover: `First card: the pointer resting on a highlight (after the ${HOVER_INTENT_MS} ms intent delay)`,
  };
  return [
    "## The extension's added main-thread time per fresh load",
    '',
    '| page | with ms | without ms | added ms | of which script ms | target | met |',
    '| --- | ---: | ---: | ---: | ---: | --- | --- |',
    ...pages.map(({ page, withExtension, without }) => {
      const withMs = median(withExtension.map((m) => m.taskMs));
      const withoutMs = median(without.map((m) => m.taskMs));
      const added = withMs - withoutMs;
      const script = median(withExtension.map((m) => m.scriptMs)) - median(without.map((m) => m.scriptMs));
      return `| ${page.name} | ${fmt(withMs)} | ${fmt(withoutMs)} | ${signed(added)} | ${signed(script)} | ≤ ${page.targetMs} ms added | ${added <= page.targetMs ? 'yes' : 'no'} |`;
    }),
    ...cards.map(({ input, ms }) => {
      const shown = median(ms);
      return `| ${cardWhat[input]} (seed page) | ${fmt(shown)} | — | — | — | ≤ ${FIRST_CARD_TARGET_MS} ms to painted | ${shown <= FIRST_CARD_TARGET_MS ? 'yes' : 'no'} |`;
    }),
    '',
    `- with, without: the page's main-thread time (CDP \`Performance.getMetrics\` \`TaskDuration\`: every task of the tab's renderer main thread from the navigation) ${AFTER_LOAD_MS / 1000} s after its load event, in a Chromium with the shipped extension and in one without it (fresh profiles, the same flags), medians of ${loads} fresh loads each (a new tab each), the two browsers' loads interleaved. added: with less without, everything the extension does in the page included (its scripts' start-up, deciding, finding the article, the first pass, drawing, and the browser's style and layout work for what it adds); of which script: the same for \`ScriptDuration\`.`,
    `- Shop listing: a navigation bar, 60 product cards and a footer, no article (tests/fixtures/pages/shop-listing.html). Seed article in nytimes-4: ../shared/realpages/nytimes-4 without its scripts, its paragraphs replaced by the seed article's.`,
    `- First card: ms from the reader's input (its own event timestamp) to the first frame in which the card is shown, on a fresh load of the seed page, median of ${loads}; the card's code may load then.`,
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
  const { pages, extraPages } = addedCostPages();
  const server = await startPageServer(extraPages);
  try {
    const result = await measureAddedCost(server.origin, pages, values.quick ? 2 : 9);
    console.log(addedCostTable(result).join('\n'));
  } finally {
    await server.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
