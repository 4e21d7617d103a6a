/**
 * Finds the article body the way reader modes do (Mozilla Readability's rules, reimplemented for
 * live pages in one walk over the DOM): paragraphs are scored (length, commas) into their parent
 * and, less and less, their ancestors; class and id words weigh a candidate up or down rather than
 * veto it; only "unlikely" names that are not also "maybe" names, and navigation landmarks, are
 * passed over; the best candidate's score is scaled by its link density; and the blocks beside it
 * that continue the story are kept with it. The result is one live element: when the story spans
 * sibling blocks, it is their parent, and the siblings that are not story (a sidebar, a teaser
 * row) are then furniture for `isArticleFurniture`.
 */

/** Less prose than this and the page is not an article: Crosscheck then does nothing by itself. */
export const MIN_ARTICLE_TEXT = 400;

/** The furniture a tag alone makes (FURNITURE_SELECTOR holds them, and rules on attributes and context). */
const FURNITURE_TAGS = new Set(['nav', 'aside', 'footer', 'form', 'dialog', 'figure', 'figcaption']);

const FURNITURE_SELECTOR = [
  ...FURNITURE_TAGS,
  'header nav',
  '[role="navigation"]',
  '[role="complementary"]',
  '[role="contentinfo"]',
  '[role="banner"]',
  '[role="search"]',
  '[aria-modal="true"]',
].join(',');

/** Class or id words that mark furniture on real sites (related links, comments, promos, footers). */
const FURNITURE_NAME =
  /(?:^|[-_\s])(?:comments?|related|sidebar|promo|newsletter|footer|menu|breadcrumbs?|outbrain|taboola|recommend(?:ed|ations)?|most-?(?:read|popular)|trending|subscribe|paywall|advert|ad-?slot|cookie)(?:$|[-_\s])/i;

/**
 * Words that mark furniture only around little prose: a share bar or a navigation drawer is
 * furniture, but a story container named after its share widget (`gigya-share-btns…Parent`) or a
 * slide-out drawer's wrapper around the whole page is not.
 */
const WEAK_FURNITURE_NAME = /(?:^|[-_\s])(?:share|sharing|social|nav|navigation)(?:$|[-_\s])/i;

/** Containers whose class names say nothing about their role ("main js-social-anchor-start"). */
const CONTAINER_SELECTOR = 'html, body, main, article, [role="main"], [itemprop="articleBody"]';

/** Siblings of the article left out when its root was widened to their parent, by that parent. */
const leftOutSiblings = new WeakMap<Element, ReadonlySet<Element>>();

/** Inside the article, elements that are still not article text (captions and link lists too). */
export function isArticleFurniture(element: Element): boolean {
  const parent = element.parentElement;
  if (parent && leftOutSiblings.get(parent)?.has(element)) return true;
  // A bare leaf (no attribute, no child element: most of the words of a page made of spans) can be
  // furniture by its tag alone; the selector matches below cost a page of 30,000 spans 60 ms.
  if (!element.hasAttributes() && element.firstElementChild === null) return FURNITURE_TAGS.has(element.localName);
  if (element.matches(FURNITURE_SELECTOR)) return true;
  if (element.matches(CONTAINER_SELECTOR)) return false;
  const name = `${element.id} ${typeof element.className === 'string' ? element.className : ''}`;
  if (name.trim() !== '') {
    if (FURNITURE_NAME.test(name)) return true;
    if (WEAK_FURNITURE_NAME.test(name) && !holdsProse(element)) return true;
  }
  return isLinkBlock(element);
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

/** Whether `element` holds an article's worth of paragraphs (not links). */
function holdsProse(element: Element): boolean {
  let prose = 0;
  for (const paragraph of element.querySelectorAll('p')) {
    const text = (paragraph.textContent ?? '').replace(/\s+/g, ' ').trim();
    let links = 0;
    for (const link of paragraph.querySelectorAll('a')) links += (link.textContent ?? '').length;
    if (links < text.length / 2) prose += text.length - links;
    if (prose >= MIN_ARTICLE_TEXT) return true;
  }
  return false;
}

// ---- Finding the article ----------------------------------------------------------------------

/** Never read for the article: no prose there, or not the page's own content. */
const IGNORED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'IFRAME',
  'OBJECT',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'TEXTAREA',
  'SELECT',
  'BUTTON',
  'INPUT',
  'NAV',
  'ASIDE',
  'DIALOG',
  'HEAD',
  'CROSSCHECK-MARK',
  'CROSSCHECK-POPOVER',
]);
const UNLIKELY_ROLES = new Set(['menu', 'menubar', 'complementary', 'navigation', 'alert', 'alertdialog', 'dialog']);

/**
 * Names that make an element an unlikely place for the story: Readability's list, less "social"
 * (a weak word here, as "share" is: see WEAK_FURNITURE_NAME), plus the two big recommendation widgets...
 */
const UNLIKELY_NAME =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|outbrain|taboola/i;
/** ...unless they also have one of these. */
const MAYBE_NAME = /and|article|body|column|content|main|mathjax|shadow/i;
const POSITIVE_NAME = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i;
const NEGATIVE_NAME =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget/i;

/** Elements that say they are the article. */
const DECLARED_SELECTOR = '[itemprop="articleBody"], article';
/** Elements that are scored as paragraphs. A <div> with no block inside counts as one too. */
const PARAGRAPH_TAGS = new Set(['P', 'PRE', 'TD', 'SECTION', 'H2', 'H3', 'H4', 'H5', 'H6']);
/** What makes a <div> more than a paragraph. */
const BLOCK_TAGS = new Set(['BLOCKQUOTE', 'DL', 'DIV', 'IMG', 'OL', 'P', 'PRE', 'TABLE', 'UL', 'SECTION', 'ARTICLE']);
/** A paragraph shorter than this is not scored. */
const MIN_PARAGRAPH = 25;
/** Ancestors a paragraph's score reaches. */
const SCORED_LEVELS = 5;
const COMMAS = /[,\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C\u3001]/g;

interface Candidate {
  readonly element: Element;
  /** Readability's content score (tag, class weight, credited paragraphs). */
  score: number;
  /** The part credited by its own child paragraphs: what makes a sibling block a continuation. */
  own: number;
  /** Characters of text and of link text under it, once its walk is done. */
  text: number;
  links: number;
}

function nameWeight(element: Element): number {
  let weight = 0;
  const className = typeof element.className === 'string' ? element.className : '';
  if (className) {
    if (NEGATIVE_NAME.test(className)) weight -= 25;
    if (POSITIVE_NAME.test(className)) weight += 25;
  }
  if (element.id) {
    if (NEGATIVE_NAME.test(element.id)) weight -= 25;
    if (POSITIVE_NAME.test(element.id)) weight += 25;
  }
  return weight;
}

function tagWeight(tag: string): number {
  switch (tag) {
    case 'DIV':
      return 5;
    case 'PRE':
    case 'TD':
    case 'BLOCKQUOTE':
      return 3;
    case 'ADDRESS':
    case 'OL':
    case 'UL':
    case 'DL':
    case 'DD':
    case 'DT':
    case 'LI':
    case 'FORM':
      return -3;
    case 'H1':
    case 'H2':
    case 'H3':
    case 'H4':
    case 'H5':
    case 'H6':
    case 'TH':
      return -5;
    default:
      return 0;
  }
}

/** Whether to pass over `element` and everything in it. */
function isUnlikely(element: Element, tag: string, inTable: boolean): boolean {
  if (IGNORED_TAGS.has(tag)) return true;
  if (!element.hasAttributes()) return false;
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const role = element.getAttribute('role');
  if (role !== null && UNLIKELY_ROLES.has(role)) return true;
  if (tag === 'BODY' || tag === 'A' || tag === 'MAIN' || tag === 'ARTICLE' || inTable) return false;
  const className = typeof element.className === 'string' ? element.className : '';
  if (!className && !element.id) return false;
  const name = `${className} ${element.id}`;
  return UNLIKELY_NAME.test(name) && !MAYBE_NAME.test(name);
}

/** Text without blocks inside: read in one piece with `textContent`, its links counted apart. */
const PHRASING_BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'PRE', 'A']);

/**
 * The scores of one page: every element that a paragraph credited. One walk over the elements;
 * text nodes are never visited one by one, since on a first call (nothing compiled yet) each node
 * the script touches costs far more than the DOM reading a whole paragraph's text for it.
 */
class Scorer {
  readonly candidates = new Map<Element, Candidate>();
  /** Running totals while walking: characters of text and of link text, commas. */
  private text = 0;
  private links = 0;
  private commas = 0;
  private inTable = 0;
  private readonly ancestors: Element[] = [];
  /** The candidates a paragraph in the block at each depth credits, once looked up. */
  private readonly targets: (Candidate[] | undefined)[] = [];

  /** Walks `element` (not passed over); returns whether it is or holds a block (a <div> with none is a paragraph). */
  walk(element: Element, tag: string): boolean {
    const text = this.text;
    const links = this.links;
    const commas = this.commas;
    let scored: boolean;
    let holdsBlock = false;
    const walked = !PHRASING_BLOCKS.has(tag) && element.firstElementChild !== null;
    if (!walked) {
      // A paragraph, a link or a leaf: its text in one read.
      this.read(element, text, commas);
      if (tag === 'A') this.links += this.text - text;
      else if (this.text > text && element.firstElementChild !== null) {
        for (const link of element.getElementsByTagName('a')) this.links += (link.textContent ?? '').trim().length;
      }
      scored = PARAGRAPH_TAGS.has(tag) || tag === 'DIV' || tag === 'LI';
    } else {
      if (tag === 'TABLE') this.inTable++;
      this.ancestors.push(element);
      this.targets[this.ancestors.length - 1] = undefined;
      for (let child: Element | null = element.firstElementChild; child !== null; child = child.nextElementSibling) {
        const childTag = child.tagName.toUpperCase();
        if (isUnlikely(child, childTag, this.inTable > 0)) {
          if (BLOCK_TAGS.has(childTag)) holdsBlock = true;
        } else if (this.walk(child, childTag)) holdsBlock = true;
      }
      this.ancestors.pop();
      if (tag === 'TABLE') this.inTable--;
      // A <div> or list item without blocks inside is a paragraph, text between its inline
      // elements included; a table cell or a section is scored as one whatever it holds.
      if (!holdsBlock && (tag === 'DIV' || tag === 'LI' || tag === 'SECTION')) {
        this.read(element, text, commas);
        scored = true;
      } else scored = tag === 'TD' || tag === 'SECTION';
    }
    const length = this.text - text;
    const linkLength = this.links - links;
    // A section full of blocks adds to the score, but is no paragraph of its parent's own.
    if (scored) this.score(length, linkLength, this.commas - commas, !(holdsBlock && tag === 'SECTION'));
    // Only a block walked child by child can have been credited (a paragraph's insides are not walked).
    const candidate = walked ? this.candidates.get(element) : undefined;
    if (candidate) {
      candidate.text = length;
      candidate.links = linkLength;
    }
    return holdsBlock || BLOCK_TAGS.has(tag);
  }

  /** Counts `element`'s text in one read, in place of whatever its children added since `text` and `commas`. */
  private read(element: Element, text: number, commas: number): void {
    const content = element.textContent ?? '';
    this.text = text + content.trim().length;
    this.commas = commas + (content.match(COMMAS)?.length ?? 0);
  }

  /** Credits a paragraph of `length` characters to its parent and, less and less, the ancestors above. */
  private score(length: number, linkLength: number, commas: number, own: boolean): void {
    if (length < MIN_PARAGRAPH || linkLength > length / 2) return;
    const points = 1 + commas + 1 + Math.min(Math.floor(length / 100), 3);
    const top = this.ancestors.length - 1;
    // The paragraphs of one block all credit the same ancestors: look them up once per block.
    let targets = this.targets[top];
    if (!targets) {
      targets = [];
      for (let level = 0; level < SCORED_LEVELS; level++) {
        const ancestor = this.ancestors[top - level];
        if (!ancestor || ancestor.tagName === 'HTML') break;
        let candidate = this.candidates.get(ancestor);
        if (!candidate) {
          candidate = {
            element: ancestor,
            score: tagWeight(ancestor.tagName.toUpperCase()) + nameWeight(ancestor),
            own: 0,
            text: 0,
            links: 0,
          };
          this.candidates.set(ancestor, candidate);
        }
        targets.push(candidate);
      }
      this.targets[top] = targets;
    }
    for (let level = 0; level < targets.length; level++) {
      targets[level]!.score += points / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
    }
    if (own && targets.length > 0) targets[0]!.own += points;
  }
}

const linkDensity = (candidate: Candidate) => (candidate.text === 0 ? 0 : candidate.links / candidate.text);

/** The article body of `doc`, or null when the page has no substantial prose. */
export function findArticleRoot(doc: Document): Element | null {
  const body = doc.body;
  if (!body) return null;
  const scorer = new Scorer();
  scorer.walk(body, 'BODY');
  const { candidates } = scorer;
  const final = (candidate: Candidate | undefined) => (candidate ? candidate.score * (1 - linkDensity(candidate)) : 0);

  const top: Candidate[] = [];
  for (const candidate of candidates.values()) {
    const score = final(candidate);
    let index = top.findIndex((other) => score > final(other));
    if (index < 0) index = top.length;
    if (index < 5) top.splice(index, 0, candidate);
    if (top.length > 5) top.pop();
  }
  const best = top[0];
  if (!best) return null;
  let root = best.element;
  const bestScore = final(best);

  // Several near-best candidates under one ancestor: the ancestor holds the article.
  const near = top.slice(1).filter((other) => final(other) >= bestScore * 0.75);
  if (near.length >= 3) {
    for (let parent = root.parentElement; parent && parent !== body; parent = parent.parentElement) {
      if (near.filter((other) => parent.contains(other.element)).length >= 3) {
        root = parent;
        break;
      }
    }
  }
  // A parent scoring better than the blocks below it, with paragraphs of its own (more of the
  // story beside the candidate), is the article.
  let lastScore = final(candidates.get(root));
  const threshold = lastScore / 3;
  for (let parent = root.parentElement; parent && parent !== body; parent = parent.parentElement) {
    const candidate = candidates.get(parent);
    if (!candidate) continue;
    const score = final(candidate);
    if (score < threshold) break;
    if (score > lastScore && candidate.own > 0) {
      root = parent;
      break;
    }
    lastScore = score;
  }
  // A declared article close around it is the article. An only child says nothing its parent
  // does not: widen, so the siblings below are the parent's (a declared article stays the article).
  root = declaredAround(root, body);
  while (
    !root.matches(DECLARED_SELECTOR) &&
    root.parentElement &&
    root.parentElement !== body &&
    root.parentElement.children.length === 1
  ) {
    root = root.parentElement;
  }
  root = declaredAround(root, body);

  root = joinSiblings(root, candidates, final);
  const article = candidates.get(root);
  const prose = article ? article.text - article.links : (root.textContent ?? '').trim().length;
  if (prose < MIN_ARTICLE_TEXT) return null;
  return root;
}

/**
 * The story continued beside `root` (blocks split by an ad, a second body part, lone paragraphs):
 * returns their parent with the other siblings left out, or `root` when nothing beside it belongs.
 */
function joinSiblings(
  root: Element,
  candidates: ReadonlyMap<Element, Candidate>,
  final: (candidate: Candidate | undefined) => number,
): Element {
  const parent = root.parentElement;
  if (!parent || parent.tagName === 'HTML') return root;
  const rootScore = final(candidates.get(root));
  const threshold = Math.max(10, rootScore * 0.2);
  const joined: Element[] = [];
  const left = new Set<Element>();
  for (const sibling of parent.children) {
    if (sibling === root) continue;
    if (continuesStory(sibling, root, rootScore, threshold, candidates)) joined.push(sibling);
    else left.add(sibling);
  }
  if (joined.length === 0) {
    leftOutSiblings.delete(parent);
    return root;
  }
  leftOutSiblings.set(parent, left);
  return parent;
}

function continuesStory(
  sibling: Element,
  root: Element,
  rootScore: number,
  threshold: number,
  candidates: ReadonlyMap<Element, Candidate>,
): boolean {
  const candidate = candidates.get(sibling);
  if (candidate) {
    const bonus = sibling.className === root.className && root.className !== '' ? rootScore * 0.2 : 0;
    // Readability's test, for a block with paragraphs of its own (not a row of teasers, each in its own box).
    const density = linkDensity(candidate);
    if (candidate.own > 0 && density < 0.25 && candidate.score * (1 - density) + bonus >= threshold) return true;
  }
  if (sibling.tagName !== 'P') return false;
  const text = (sibling.textContent ?? '').replace(/\s+/g, ' ').trim();
  let links = 0;
  for (const link of sibling.querySelectorAll('a')) links += (link.textContent ?? '').length;
  const density = text.length === 0 ? 1 : links / text.length;
  if (text.length > 80) return density < 0.25;
  return text.length > 0 && density === 0 && /\.( |$)/.test(text);
}

/** A declared article body or <article> close around `root` is the article. */
function declaredAround(root: Element, body: Element): Element {
  const declared = root.closest(DECLARED_SELECTOR);
  return declared && declared !== body && depthBetween(declared, root) <= 3 ? declared : root;
}

function depthBetween(ancestor: Element, descendant: Element): number {
  let depth = 0;
  for (let node: Element | null = descendant; node && node !== ancestor; node = node.parentElement) depth++;
  return depth;
}
