import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { offlineCopy, PROJECT_ROOT } from './server';

/** Paragraphs of a seed article (over 80 characters each), to fill long pages with. */
export function seedParagraphs(): string[] {
  return readFileSync(join(PROJECT_ROOT, 'seeds/000_7413e54e0e4ba69d.txt'), 'utf8')
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 80);
}

/**
 * A long article in a real page's layout: ../shared/realpages/guardian-1 without its scripts (or
 * a bare article when ../shared is missing), whose article an inline script fills with seed
 * paragraphs up to `chars` characters while the page loads, so the extension finds it complete at
 * document_idle. Used by the benchmark and by the e2e test of a long page's first pass.
 */
export function longArticlePage(chars = 100_000): { html: string; layout: string; realLayout: boolean } {
  const source = join(PROJECT_ROOT, '../shared/realpages/guardian-1/source.html');
  const real = existsSync(source);
  const html = real
    ? offlineCopy(readFileSync(source, 'utf8'))
    : '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A long article</title></head><body><main><article><h1>A long article</h1></article></main></body></html>';
  const fill = `<script>(() => {
    const paragraphs = ${JSON.stringify(seedParagraphs())};
    const article = document.querySelector('[itemprop="articleBody"], article, main') ?? document.body;
    let chars = article.textContent.length;
    for (let i = 0; chars < ${chars}; i++) {
      const p = document.createElement('p');
      p.textContent = paragraphs[i % paragraphs.length];
      article.append(p);
      chars += p.textContent.length;
    }
  })();</script>`;
  return {
    html: html.replace(/<\/body>/i, `${fill}</body>`),
    layout: real ? 'guardian-1 (realpages), scripts removed' : 'a bare article (../shared/realpages is missing)',
    realLayout: real,
  };
}
