/**
 * Finds the article body: the element that holds most of the page's running prose. Paragraph text
 * is credited to its parent and, half, to its grandparent (the approach reader modes use), with
 * link-heavy paragraphs and page furniture (navigation, sidebars, footers, comments) discounted.
 */

/** Less prose than this and the page is not an article: Crosscheck then does nothing by itself. */
export const MIN_ARTICLE_TEXT = 400;

const FURNITURE_SELECTOR = [
  'nav',
  'aside',
  'footer',
  'header nav',
  'form',
  'dialog',
  '[role="navigation"]',
  '[role="complementary"]',
  '[role="contentinfo"]',
  '[role="banner"]',
  '[role="search"]',
  '[aria-modal="true"]',
].join(',');

/** Class or id words that mark furniture on real sites (related links, comments, promos, share bars). */
const FURNITURE_NAME =
  /(?:^|[-_\s])(?:comments?|related|sidebar|share|social|promo|newsletter|footer|nav|menu|breadcrumbs?|outbrain|taboola|recommend(?:ed|ations)?|most-?(?:read|popular)|trending|subscribe|paywall|advert|ad-?slot|cookie)(?:$|[-_\s])/i;

/** Inside the article, elements that are still not article text. */
export function isArticleFurniture(element: Element): boolean {
  if (element.matches(FURNITURE_SELECTOR)) return true;
  const name = `${element.id} ${typeof element.className === 'string' ? element.className : ''}`;
  return name.trim() !== '' && FURNITURE_NAME.test(name);
}

function proseLength(paragraph: Element): number {
  const text = paragraph.textContent ?? '';
  let linkText = 0;
  for (const link of paragraph.querySelectorAll('a')) linkText += link.textContent?.length ?? 0;
  const length = text.replace(/\s+/g, ' ').trim().length;
  // A paragraph that is mostly links is a list of links, not prose.
  return length === 0 || linkText / length > 0.5 ? 0 : length - linkText;
}

function insideFurniture(element: Element, stopAt: Element): boolean {
  for (let node: Element | null = element; node && node !== stopAt; node = node.parentElement) {
    if (isArticleFurniture(node)) return true;
  }
  return false;
}

/** The article body of `doc`, or null when the page has no substantial prose. */
export function findArticleRoot(doc: Document): Element | null {
  const body = doc.body;
  if (!body) return null;
  const scores = new Map<Element, number>();
  let total = 0;
  for (const paragraph of body.querySelectorAll('p, blockquote, li, h2, h3, pre, td')) {
    if (paragraph.tagName === 'LI' || paragraph.tagName === 'TD') {
      if (paragraph.querySelector('p')) continue; // its paragraphs are counted themselves
    }
    const length = proseLength(paragraph);
    if (length < 25 || insideFurniture(paragraph, body)) continue;
    total += length;
    const parent = paragraph.parentElement;
    if (!parent) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + length);
    const grandparent = parent.parentElement;
    if (grandparent && grandparent !== doc.documentElement) {
      scores.set(grandparent, (scores.get(grandparent) ?? 0) + length / 2);
    }
  }
  if (total < MIN_ARTICLE_TEXT) return null;
  let best: Element | null = null;
  let bestScore = 0;
  for (const [element, score] of scores) {
    if (score > bestScore) {
      best = element;
      bestScore = score;
    }
  }
  if (!best) return null;
  // Prefer the semantic container when the best block sits just inside it.
  const semantic = best.closest('article, [itemprop="articleBody"], main, [role="main"]');
  if (semantic && semantic !== body && !insideFurniture(semantic, body) && depthBetween(semantic, best) <= 3)
    return semantic;
  return best;
}

function depthBetween(ancestor: Element, descendant: Element): number {
  let depth = 0;
  for (let node: Element | null = descendant; node && node !== ancestor; node = node.parentElement) depth++;
  return depth;
}
