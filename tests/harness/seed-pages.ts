import type { AuthoredSource } from '@/lib/kb/schema';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A news-style page around a seed article: site navigation, a sidebar and footer that name
 * people too (they must stay unhighlighted), and the article text as paragraphs.
 */
export function renderSeedPage(source: AuthoredSource, text: string, all: readonly AuthoredSource[]): string {
  const paragraphs = text
    .split(/\n\s*\n|\n(?=\S)/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const title = source.title ?? `Untitled (${source.file})`;
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
  .layout { display: grid; grid-template-columns: minmax(0, 1fr) 260px; gap: 32px; max-width: 1100px; margin: 0 auto; padding: 24px; }
  aside { font: 14px/1.5 sans-serif; border-left: 1px solid #ddd; padding-left: 16px; }
  footer { padding: 24px; font: 13px sans-serif; color: #666; border-top: 1px solid #ddd; }
  @media (prefers-color-scheme: dark) { body { background: #161616; color: #e6e6e6; } aside { border-color: #444; } }
</style>
</head>
<body>
<header class="site"><nav aria-label="Sections"><a href="/">Home</a><a href="/">Politics</a><a href="/">Gavin Newsom news</a><a href="/">Soft secession explainer</a></nav></header>
<div class="layout">
<main>
<article>
<h1>${escapeHtml(title)}</h1>
<p class="byline">${escapeHtml(byline)}</p>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article>
</main>
<aside aria-label="Related">
<h2>Related</h2>
<ul>${others.map((s) => `<li><a href="/seed/${s.id}.html">${escapeHtml(s.title ?? s.file)}</a></li>`).join('')}</ul>
<p>Trending: Gavin Newsom, J.B. Pritzker and the anti-commandeering doctrine.</p>
</aside>
</div>
<footer>Crosscheck demo page made from a seed article (${escapeHtml(source.file)}). Contact: Gavin Newsom fan club.</footer>
</body>
</html>
`;
}
