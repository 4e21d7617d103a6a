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
  'figure',
  'figcaption',
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

/** Containers whose class names say nothing about their role ("main js-social-anchor-start"). */
const CONTAINER_SELECTOR = 'html, body, main, article, [role="main"], [itemprop="articleBody"]';

/** Inside the article, elements that are still not article text (captions and link lists too). */
export function isArticleFurniture(element: Element): boolean {
  if (element.matches(FURNITURE_SELECTOR)) return true;
  if (element.matches(CONTAINER_SELECTOR)) return false;
  const name = `${element.id} ${typeof element.className === 'string' ? element.className : ''}`;
  return (name.trim() !== '' && FURNITURE_NAME.test(name)) || isLinkBlock(element);
}

/** Short blocks that are mostly link text are "related stories" lists, even without a telling class. */
const LINK_BLOCK_MAX_TEXT = 300;
const LINK_BLOCK_SHARE = 0.8;

function isLinkBlock(element: Element): boolean {
  if (element.tagName === 'A' || !element.querySelector('a')) return false;
  const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (text.length === 0 || text.length > LINK_BLOCK_MAX_TEXT) return false;
  let linkText = 0;
  for (const link of element.querySelectorAll('a'))
    linkText += (link.textContent ?? '').replace(/\s+/g, ' ').trim().length;
  return linkText >= text.length * LINK_BLOCK_SHARE;
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
  const counted: { paragraph: Element; length: number }[] = [];
  let total = 0;
  for (const paragraph of body.querySelectorAll('p, blockquote, li, h2, h3, pre, td')) {
    if (paragraph.tagName === 'LI' || paragraph.tagName === 'TD') {
      if (paragraph.querySelector('p')) continue; // its paragraphs are counted themselves
    }
    const length = proseLength(paragraph);
    if (length < 25 || insideFurniture(paragraph, body)) continue;
    total += length;
    counted.push({ paragraph, length });
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
  const proseIn = (element: Element) =>
    counted.reduce((sum, { paragraph, length }) => (element.contains(paragraph) ? sum + length : sum), 0);
  // An article split into sibling blocks of one kind ("<div class=body-part>" × n) is their parent.
  const parent = best.parentElement;
  const twin = (sibling: Element) =>
    sibling !== best && sibling.tagName === best!.tagName && sibling.className === best!.className;
  if (parent && parent !== body && [...parent.children].some((sibling) => twin(sibling) && proseIn(sibling) > 0)) {
    best = parent;
  }
  // A declared article body or <article> is the article; a <main> may hold more than the story.
  const declared = best.closest('[itemprop="articleBody"], article');
  if (declared && declared !== body && depthBetween(declared, best) <= 3) return declared;
  const main = best.closest('main, [role="main"]');
  if (!main || main === body || depthBetween(main, best) > 3) return best;
  return proseIn(main) <= proseIn(best) * 1.15 ? main : best;
}

function depthBetween(ancestor: Element, descendant: Element): number {
  let depth = 0;
  for (let node: Element | null = descendant; node && node !== ancestor; node = node.parentElement) depth++;
  return depth;
}
