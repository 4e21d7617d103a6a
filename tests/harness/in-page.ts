import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from './server';

/**
 * Functions that run inside a page, passed to `evaluate` as they are: Playwright (Chromium) and
 * Puppeteer (Firefox) both serialise `page.evaluate(fn, arg)` the same way, so both suites use
 * these. They close over nothing and declare no named functions (a bundler's name helpers would
 * not exist in the page).
 */

/** Whether the content script's first annotation pass on the page has ended. */
export const firstPassEnded = (): boolean => performance.getEntriesByName('crosscheck:annotate').length > 0;

/** Whether the card's frame is shown. */
export const cardShown = (): boolean =>
  document.querySelector('crosscheck-popover')?.shadowRoot?.querySelector('iframe')?.classList.contains('open') ===
  true;

/** One highlight as the observable contract shows it (docs/contract.md), in document order. */
export interface DrawnHighlight {
  readonly id: string | null;
  readonly category: string | null;
  readonly verdict: string | null;
  readonly text: string | null;
}

export interface DrawnHighlights {
  /** Highlight elements, in document order. */
  readonly marks: DrawnHighlight[];
  /** CSS Custom Highlights by name (sorted), each its ranges' text in registration order. */
  readonly ranges: [string, string[]][];
}

/** Every highlight drawn on the page, elements and CSS Custom Highlights alike. */
export const drawnHighlights = (): DrawnHighlights => ({
  marks: [...document.querySelectorAll('[data-crosscheck-id]')].map((mark) => ({
    id: mark.getAttribute('data-crosscheck-id'),
    category: mark.getAttribute('data-crosscheck-category'),
    verdict: mark.getAttribute('data-crosscheck-verdict'),
    text: mark.textContent,
  })),
  ranges: [...CSS.highlights.entries()]
    .filter(([name]) => name.startsWith('crosscheck-'))
    .map(([name, highlight]): [string, string[]] => [name, [...highlight].map((range) => range.toString())])
    .sort(([a], [b]) => a.localeCompare(b)),
});

/** axe-core's source, for `runAxe`. */
export const axeSource = (): Promise<string> =>
  readFile(join(PROJECT_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's violations on the document, given its source (evaluated: extension pages' CSP allows
 * no inline script).
 */
export const runAxe = async (source: string): Promise<string[]> => {
  (0, eval)(source);
  type Axe = { run: (c: unknown) => Promise<{ violations: { id: string; nodes: { html: string }[] }[] }> };
  const result = await (window as unknown as { axe: Axe }).axe.run(document);
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`);
};
