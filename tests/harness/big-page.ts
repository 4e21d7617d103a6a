import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { AuthoredSource } from '@/lib/kb-build/schema';
import { offlineCopy, PROJECT_ROOT, REALPAGES_DIR } from './server';

/**
 * The paragraphs of a seed article as its seed page shows them (renderSeedPage's split): without
 * the passages that are not the article or not by its author, such as an aggregator's summary.
 */
export function seedArticleParagraphs(id = 'armitage'): string[] {
  const seedsDir = join(PROJECT_ROOT, 'seeds');
  const sources = parse(readFileSync(join(seedsDir, 'sources.yaml'), 'utf8')) as AuthoredSource[];
  const source = sources.find((s) => s.id === id);
  if (!source) throw new Error(`No seed source ${id}`);
  let body = readFileSync(join(seedsDir, source.file), 'utf8');
  for (const passage of source.notArticle ?? []) body = body.replace(passage, '');
  for (const passage of source.notByAuthor ?? []) body = body.replace(passage.text, '');
  return body
    .split(/\n\s*\n|\n(?=\S)/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0 && p !== source.title);
}

/** The saved real pages the benchmark fills with a seed article, and where each keeps its article's paragraphs. */
export const SEED_LAYOUTS = {
  'nytimes-4': '[itemprop="articleBody"]',
  'guardian-1': '[itemprop="articleBody"]',
  'yahoo-3': '.yom-art-content',
} as const;
export type SeedLayout = keyof typeof SEED_LAYOUTS;

export interface GeneratedPage {
  readonly html: string;
  /** What the page is, for reports. */
  readonly layout: string;
  /** False when ../shared/realpages is missing and a bare article stands in for the layout. */
  readonly realLayout: boolean;
}

const BARE_ARTICLE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A long article</title></head><body><main><article><h1>A long article</h1></article></main></body></html>';

/**
 * The seed article (armitage) in a real page's layout: ../shared/realpages/<name> without its
 * scripts, whose article body an inline script empties of its own paragraphs and fills with the
 * seed article's, once or, given `chars`, repeated until they hold that many characters. The
 * script runs while the page loads, so the extension finds the article complete at document_idle.
 * A bare article stands in when ../shared is missing (`realLayout` false).
 */
export function seedInLayout(name: SeedLayout, chars?: number): GeneratedPage {
  const source = join(REALPAGES_DIR, name, 'source.html');
  const real = existsSync(source);
  const html = real ? offlineCopy(readFileSync(source, 'utf8')) : BARE_ARTICLE;
  const fill = `<script>(() => {
    const paragraphs = ${JSON.stringify(seedArticleParagraphs())};
    const wanted = ${chars ?? 0};
    const body = document.querySelector(${JSON.stringify(SEED_LAYOUTS[name])}) ?? document.querySelector('article, main') ?? document.body;
    const own = [...body.querySelectorAll('p')];
    const fragment = document.createDocumentFragment();
    let written = 0;
    for (let i = 0; wanted ? written < wanted : i < paragraphs.length; i++) {
      const p = document.createElement('p');
      p.textContent = paragraphs[i % paragraphs.length];
      fragment.append(p);
      written += p.textContent.length;
    }
    // Where the layout's first paragraph was, so the seed text sits in its styled column.
    (own[0]?.parentNode ?? body).insertBefore(fragment, own[0] ?? null);
    for (const p of own) p.remove();
  })();</script>`;
  return {
    html: html.replace(/<\/body>/i, `${fill}</body>`),
    layout: real
      ? `${name} (realpages), scripts removed, its paragraphs replaced by the seed article's`
      : `a bare article (../shared/realpages is missing)`,
    realLayout: real,
  };
}

/**
 * `page` with a script at the top of its <head> that keeps the main thread busy for `ms`: stands in
 * for the scripts a real news page runs before the extension's content script (the offline copies
 * have theirs removed).
 */
export function withPageScripts(page: GeneratedPage, ms: number): GeneratedPage {
  const busy = `<script>{ const until = performance.now() + ${ms}; while (performance.now() < until); }</script>`;
  return {
    html: page.html.replace(/<head\b[^>]*>/i, (head) => `${head}${busy}`),
    layout: `${page.layout}, with ${ms} ms of script in its <head>`,
    realLayout: page.realLayout,
  };
}

/**
 * A long article of the seed article's paragraphs, repeated up to `chars` characters, in
 * guardian-1's layout (see seedInLayout). Used by the benchmark and by the e2e tests of a long
 * page's first pass and of finding the article.
 */
export function longArticlePage(chars = 100_000): GeneratedPage {
  return seedInLayout('guardian-1', chars);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * An article of `spans` one-word elements, <span>word</span> separated by spaces, in paragraphs
 * of 60: the seed article's words in order, so the knowledge base's terms are among them and
 * every term of more than one word crosses elements. Many small nodes instead of long text nodes:
 * the DOM walk, not the text, dominates.
 */
export function spanArticlePage(spans = 30_000): GeneratedPage {
  const words = seedArticleParagraphs().join(' ').split(/\s+/).filter(Boolean);
  const paragraphs: string[] = [];
  for (let at = 0; at < spans; at += 60) {
    const count = Math.min(60, spans - at);
    const paragraph = Array.from(
      { length: count },
      (_, i) => `<span>${escapeHtml(words[(at + i) % words.length]!)}</span>`,
    );
    paragraphs.push(`<p>${paragraph.join(' ')}</p>`);
  }
  return {
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>An article of one-word spans</title></head><body><main><article><h1>An article of one-word spans</h1>\n${paragraphs.join('\n')}\n</article></main></body></html>`,
    layout: `${spans.toLocaleString('en')} one-word spans of the seed article's words`,
    realLayout: false,
  };
}
