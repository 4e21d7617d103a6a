import type { AuthoredSource } from '@/lib/kb-build/schema';
import { mainScript } from '@/lib/text/scripts';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** What the page says where a block's script has no font on this machine, instead of boxes. */
export const NO_CJK_FONT_NOTE =
  'This block is in Chinese, and no Chinese font is installed here: install one to read it (Debian: sudo apt-get install fonts-noto-cjk).';

/** A passage written mostly in Chinese characters. */
const isChinese = (text: string) => mainScript(text) === 'han';

/** How readers can name a source whose title is unknown. */
const nameOf = (source: AuthoredSource) => source.title ?? `Untitled ${source.kind ?? 'source'}`;

export interface SeedPageOptions {
  /** Whether Chinese text can be drawn; without a font, the page says which package to install. */
  readonly cjkFont?: boolean;
}

/**
 * A news-style page around a seed article, as a reader would see the article: site navigation, a
 * sidebar and footer that name people too (they must stay unhighlighted), the source's title as
 * the heading, the article text as paragraphs without the passages that are not the article, and
 * passages someone else wrote (an aggregator's summary) in a block of their own, labelled with
 * who is credited for them.
 */
export function renderSeedPage(
  source: AuthoredSource,
  text: string,
  all: readonly AuthoredSource[],
  { cjkFont = true }: SeedPageOptions = {},
): string {
  let body = text;
  for (const passage of source.notArticle ?? []) body = body.replace(passage, '');
  for (const passage of source.notByAuthor ?? []) body = body.replace(passage.text, '');
  const title = nameOf(source);
  const paragraphs = body
    .split(/\n\s*\n|\n(?=\S)/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0 && p !== source.title);
  const paragraph = (text: string) =>
    isChinese(text)
      ? `<p lang="zh">${escapeHtml(cjkFont ? text : NO_CJK_FONT_NOTE)}</p>`
      : `<p>${escapeHtml(text)}</p>`;
  const credits = [...new Set((source.notByAuthor ?? []).map((p) => p.credit))];
  const notByAuthor = credits.map(
    (credit, i) => `<section class="not-by-author" aria-labelledby="credit-${i}">
<h2 id="credit-${i}">${escapeHtml(credit)}</h2>
${source
  .notByAuthor!.filter((p) => p.credit === credit)
  .map((p) => paragraph(p.text))
  .join('\n')}
</section>`,
  );
  const byline = [source.author ?? 'Author unknown', source.outlet, source.date].filter(Boolean).join(' · ');
  const others = all.filter((s) => s.id !== source.id);
  return `<!doctype html>
<html lang="${escapeHtml(source.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { margin: 0; font: 18px/1.6 Georgia, serif; color: #222; background: #fafaf7; }
  header.site { padding: 12px 24px; background: #202124; color: #fff; font-family: sans-serif; }
  header.site a { color: #fff; margin-right: 16px; }
  .not-by-author { margin: 0 0 24px; padding: 12px 16px; border: 1px solid #ccc; border-radius: 8px; font-size: 16px; background: #f1f1ec; }
  .not-by-author h2 { margin: 0 0 4px; font: 600 13px/1.4 sans-serif; color: #555; }
  .layout { display: grid; grid-template-columns: minmax(0, 1fr) 260px; gap: 32px; max-width: 1100px; margin: 0 auto; padding: 24px; }
  aside { font: 14px/1.5 sans-serif; border-left: 1px solid #ddd; padding-left: 16px; }
  footer { padding: 24px; font: 13px sans-serif; color: #666; border-top: 1px solid #ddd; }
  @media (prefers-color-scheme: dark) { body { background: #161616; color: #e6e6e6; } aside, .not-by-author { border-color: #444; } .not-by-author { background: #202020; } .not-by-author h2 { color: #aaa; } a { color: #8cb8ff; } }
</style>
</head>
<body>
<header class="site"><nav aria-label="Sections"><a href="/">Home</a><a href="/">Politics</a><a href="/">Gavin Newsom news</a><a href="/">Soft secession explainer</a></nav></header>
<div class="layout">
<main>
<article>
<h1>${escapeHtml(title)}</h1>
<p class="byline">${escapeHtml(byline)}</p>
${notByAuthor.join('\n')}
${paragraphs.map(paragraph).join('\n')}
</article>
</main>
<aside aria-label="Related">
<h2>Related</h2>
<ul>${others.map((s) => `<li><a href="/seed/${s.id}.html">${escapeHtml(nameOf(s))}</a></li>`).join('')}</ul>
<p>Trending: Gavin Newsom, J.B. Pritzker and the anti-commandeering doctrine.</p>
</aside>
</div>
<footer>Crosscheck demo page made from a seed article. Contact: Gavin Newsom fan club.</footer>
</body>
</html>
`;
}
