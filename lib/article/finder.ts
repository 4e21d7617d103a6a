/**
 * Finds the article body the way reader modes do (Mozilla Readability's rules, reimplemented for
 * live pages in one walk over the DOM): paragraphs are scored (length, commas) into their parent
 * and, less and less, their ancestors; class and id words weigh a candidate up or down rather than
 * veto it; only "unlikely" names that are not also "maybe" names, and navigation landmarks, are
 * passed over (and, when that leaves nothing, not even those names); the best candidate's score is
 * scaled by its link density, and a best block the reader does not see is set aside; and the
 * blocks beside it that continue the story are kept with it: Readability's siblings, and beyond
 * a declared article, panes and repeated blocks that hold more of it. The result is one live
 * element: when the story spans sibling blocks, it is their parent, and the siblings that are not
 * story (a sidebar, a teaser row) are then furniture for `isArticleFurniture`.
 */
import { isRendered } from './exclusions';

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

/** Siblings of the article left out when its root was widened to their parent, by that parent. Replaced by each search. */
let leftOutSiblings = new WeakMap<Element, ReadonlySet<Element>>();

/**
 * The blocks that hold the story, from the best-scoring one up to the article's root: never
 * furniture, whatever they are named or are (a main column named `l-sidebar-fixed`, a page inside
 * a <form>). Replaced by each search.
 */
let storyBlocks = new WeakSet<Element>();

/** Inside the article, elements that are still not article text (captions and link lists too). */
export function isArticleFurniture(element: Element): boolean {
  const parent = element.parentElement;
  if (parent && leftOutSiblings.get(parent)?.has(element)) return true;
  const tag = element.localName;
  // A bare leaf (no attribute, no child element: most of the words of a page made of spans) can be
  // furniture by its tag alone; the selector matches below cost a page of 30,000 spans 60 ms.
  if (!element.hasAttributes() && element.firstElementChild === null) return FURNITURE_TAGS.has(tag);
  if (storyBlocks.has(element)) return false;
  // A paragraph's class says how it is shown (a drop cap, faded under a paywall), not what it is.
  if (tag === 'p') return isLinkBlock(element);
  if ((tag === 'figure' || tag === 'figcaption') && isGallerySlide(element.closest('figure') ?? element)) return false;
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

/** A caption longer than this, in paragraphs, is the story told slide by slide, not a line under a photo. */
const SLIDE_CAPTION_TEXT = 200;

/** Whether `figure` is a slide of a gallery story: its caption is paragraphs of prose. */
function isGallerySlide(figure: Element): boolean {
  let text = 0;
  for (const paragraph of figure.getElementsByTagName('p')) text += (paragraph.textContent ?? '').trim().length;
  return text >= SLIDE_CAPTION_TEXT;
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
/**
 * Elements that never hold text: void elements, but <br>, which breaks a block written as text.
 * Nothing in them to read or score, nor anything to ask them (an image's many <source>s).
 */
const TEXTLESS_TAGS = new Set(['AREA', 'BASE', 'COL', 'EMBED', 'HR', 'IMG', 'LINK', 'META', 'SOURCE', 'TRACK', 'WBR']);
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
  /** How many of those paragraphs. */
  paragraphs: number;
  /** Characters of text and of link text under it, once its walk is done. */
  text: number;
  links: number;
}

/** An element's class attribute as a string (an SVG element's `className` is an object). */
function classNameOf(element: Element): string {
  const className = element.className;
  return typeof className === 'string' ? className : '';
}

function nameWeight(element: Element): number {
  let weight = 0;
  const className = classNameOf(element);
  if (className) {
    if (NEGATIVE_NAME.test(className)) weight -= 25;
    if (POSITIVE_NAME.test(className)) weight += 25;
  }
  const id = element.id;
  if (id) {
    if (NEGATIVE_NAME.test(id)) weight -= 25;
    if (POSITIVE_NAME.test(id)) weight += 25;
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

/**
 * Whether to pass over `element` and everything in it, by its tag, its hiding or its role. `names`:
 * its attributes' names, read in one call into the browser (each read is one, and most elements
 * have few attributes or none), so only the values of those it has are read.
 */
function isUnlikely(element: Element, tag: string, names: readonly string[]): boolean {
  if (IGNORED_TAGS.has(tag)) return true;
  if (names.length === 0) return false;
  if (names.includes('hidden')) return true;
  if (names.includes('aria-hidden') && element.getAttribute('aria-hidden') === 'true') return true;
  if (!names.includes('role')) return false;
  return UNLIKELY_ROLES.has(element.getAttribute('role')!);
}

/**
 * Whether `element`'s class or id is an unlikely one (a comment, a sidebar) with no "maybe" word in
 * it; `names`: its attributes' names (see isUnlikely).
 */
function hasUnlikelyName(element: Element, tag: string, names: readonly string[]): boolean {
  if (tag === 'BODY' || tag === 'A' || tag === 'MAIN' || tag === 'ARTICLE') return false;
  const className = names.includes('class') ? classNameOf(element) : '';
  const id = names.includes('id') ? element.id : '';
  if (!className && !id) return false;
  const name = `${className} ${id}`;
  return UNLIKELY_NAME.test(name) && !MAYBE_NAME.test(name);
}

/** Text without blocks inside: read in one piece with `textContent`, its links counted apart. */
const PHRASING_BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'PRE', 'A']);
/** What text runs on through, between the line breaks of a block written as text and <br>s. */
const INLINE_TAGS = new Set([
  'A',
  'ABBR',
  'B',
  'BIG',
  'CITE',
  'EM',
  'FONT',
  'I',
  'MARK',
  'Q',
  'S',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
]);

interface SearchOptions {
  /**
   * Whether unlikely class and id names pass a block over (Readability's first try; its retry
   * goes without). Not inside a table, whose cells' names say little.
   */
  readonly unlikelyNames: boolean;
}

interface ScorerOptions extends SearchOptions {
  /**
   * Blocks passed over as the reader does not see them (null, not an empty set, when there are
   * none: the walk asks for each element).
   */
  readonly hidden?: ReadonlySet<Element> | null;
}

/**
 * The scores of one page: every element that a paragraph credited. One walk over the elements;
 * text nodes are never visited one by one, since on a first call (nothing compiled yet) each node
 * the script touches costs far more than the DOM reading a whole paragraph's text for it.
 */
class Scorer {
  readonly candidates = new Map<Element, Candidate>();
  readonly unlikelyNames: boolean;
  private readonly hidden: ReadonlySet<Element> | null;

  constructor({ unlikelyNames, hidden = null }: ScorerOptions) {
    this.unlikelyNames = unlikelyNames;
    this.hidden = hidden;
  }
  /** Paragraphs long enough, and not mostly links, to score: none, and the page has no article. */
  scoredParagraphs = 0;
  /**
   * Blocks passed over for their class or id, or as hidden, not for their tag or role (what
   * Readability's retry walks too).
   */
  readonly setAsideByName: Element[] = [];
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
    // Each DOM property read costs a call into the browser, many times the JavaScript around it
    // on a cold first pass: each is read once per element.
    const firstChild = element.firstElementChild;
    const walked = firstChild !== null && !PHRASING_BLOCKS.has(tag);
    if (!walked) {
      // A paragraph, a link or a leaf: its text in one read.
      this.read(element, text, commas);
      if (tag === 'A') this.links += this.text - text;
      else if (this.text > text && firstChild !== null) {
        for (const link of element.getElementsByTagName('a')) this.links += (link.textContent ?? '').trim().length;
      }
      scored = PARAGRAPH_TAGS.has(tag) || tag === 'DIV' || tag === 'LI';
    } else {
      if (tag === 'TABLE') this.inTable++;
      this.ancestors.push(element);
      this.targets[this.ancestors.length - 1] = undefined;
      let breaks = false;
      let passedOver = false;
      for (let child: Element | null = firstChild; child !== null; child = child.nextElementSibling) {
        const childTag = child.tagName.toUpperCase();
        if (TEXTLESS_TAGS.has(childTag)) {
          if (BLOCK_TAGS.has(childTag)) holdsBlock = true;
          continue;
        }
        const reason = this.passedOverFor(child, childTag);
        if (reason !== null) {
          passedOver = true;
          if (this.unlikelyNames && reason !== 'unlikely') this.setAsideByName.push(child);
          if (BLOCK_TAGS.has(childTag)) holdsBlock = true;
        } else if (this.walk(child, childTag)) holdsBlock = true;
        else if (childTag === 'BR') breaks = true;
      }
      // A <div> or list item without blocks inside is a paragraph, text between its inline
      // elements included; a table cell or a section is scored as one whatever it holds.
      const paragraph = !holdsBlock && (tag === 'DIV' || tag === 'LI' || tag === 'SECTION');
      if (breaks && !paragraph && tag !== 'TD') this.scoreLines(element);
      this.ancestors.pop();
      if (tag === 'TABLE') this.inTable--;
      if (paragraph) {
        this.read(element, text, commas);
        // The text of children passed over (a ranking <aside>) is in its text now: their links too.
        if (passedOver) {
          this.links = links;
          for (const link of element.getElementsByTagName('a')) this.links += (link.textContent ?? '').trim().length;
        }
        scored = true;
      } else scored = tag === 'TD' || tag === 'SECTION';
    }
    const length = this.text - text;
    const linkLength = this.links - links;
    // A section full of blocks adds to the score, but is no paragraph of its parent's own.
    if (scored) this.score(length, linkLength, this.commas - commas, { own: !(holdsBlock && tag === 'SECTION') });
    // Only a block walked child by child can have been credited (a paragraph's insides are not walked).
    const candidate = walked ? this.candidates.get(element) : undefined;
    if (candidate) {
      candidate.text = length;
      candidate.links = linkLength;
    }
    return holdsBlock || BLOCK_TAGS.has(tag);
  }

  /**
   * Why the walk passes over `element` and all it holds (unlikely by its tag or role, by its name,
   * or hidden), null when it does not; its attributes' names are read once for all three.
   */
  private passedOverFor(element: Element, tag: string): 'unlikely' | 'name' | 'hidden' | null {
    const names = element.getAttributeNames();
    if (isUnlikely(element, tag, names)) return 'unlikely';
    if (this.unlikelyNames && this.inTable === 0 && hasUnlikelyName(element, tag, names)) return 'name';
    return this.hidden !== null && this.hidden.has(element) ? 'hidden' : null;
  }

  /**
   * Scores the paragraphs of a block written as text and <br>s, as Readability does once it has
   * turned each run of two or more <br>s into a paragraph break: each run of text and inline
   * elements between such breaks (and blocks) is a paragraph of `element`. Its inline elements were
   * counted by the walk; the text beside them is counted here.
   */
  private scoreLines(element: Element): void {
    let length = 0;
    let links = 0;
    let commas = 0;
    let breaks = 0;
    const end = () => {
      this.score(length, links, commas, { own: true });
      length = links = commas = 0;
    };
    for (let node: ChildNode | null = element.firstChild; node !== null; node = node.nextSibling) {
      if (node.nodeType === 3) {
        const text = (node as Text).data;
        const trimmed = text.trim().length;
        if (trimmed === 0) continue;
        if (breaks >= 2) end();
        breaks = 0;
        length += trimmed;
        this.text += trimmed;
        commas += text.match(COMMAS)?.length ?? 0;
      } else if (node.nodeType === 1) {
        const tag = (node as Element).tagName.toUpperCase();
        if (tag === 'BR') breaks++;
        else if (INLINE_TAGS.has(tag)) {
          const text = node.textContent ?? '';
          if (breaks >= 2) end();
          breaks = 0;
          length += text.trim().length;
          commas += text.match(COMMAS)?.length ?? 0;
          if (tag === 'A') links += text.trim().length;
          else
            for (const link of (node as Element).getElementsByTagName('a'))
              links += (link.textContent ?? '').trim().length;
        } else {
          end();
          breaks = 0;
        }
      }
    }
    end();
  }

  /** Counts `element`'s text in one read, in place of whatever its children added since `text` and `commas`. */
  private read(element: Element, text: number, commas: number): void {
    const content = element.textContent ?? '';
    this.text = text + content.trim().length;
    this.commas = commas + (content.match(COMMAS)?.length ?? 0);
  }

  /**
   * Credits a paragraph of `length` characters to its parent and, less and less, the ancestors
   * above; `own`: it is one of its parent's own paragraphs (not a section full of blocks).
   */
  private score(length: number, linkLength: number, commas: number, { own }: { own: boolean }): void {
    if (length < MIN_PARAGRAPH || linkLength > length / 2) return;
    this.scoredParagraphs++;
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
            paragraphs: 0,
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
    if (own && targets.length > 0) {
      targets[0]!.own += points;
      targets[0]!.paragraphs++;
    }
  }
}

const linkDensity = (candidate: Candidate) => (candidate.text === 0 ? 0 : candidate.links / candidate.text);

/** Candidates the search weighs. */
const TOP = 5;
/** Candidates ranked when hidden ones are set aside. */
const RANKED = 10;

/** The article body of `doc`, or null when the page has no substantial prose. */
export function findArticleRoot(doc: Document): Element | null {
  const body = doc.body;
  if (!body) return null;
  // Readability's retry: on some pages a name that makes a block unlikely is on a wrapper of the
  // whole story (a page wrapper named after the header ad above it).
  const first = walked(new Scorer({ unlikelyNames: true }), body);
  const found =
    articleIn(body, first) ??
    (mayRetryFind(first) ? articleIn(body, walked(new Scorer({ unlikelyNames: false }), body)) : null);
  leftOutSiblings = new WeakMap(found ? [...found.leftOut] : []);
  storyBlocks = new WeakSet(found?.storyBlocks);
  return found?.root ?? null;
}

/** What one search found: the article's root, and what the furniture rules need to know of it. */
interface Found {
  readonly root: Element;
  readonly leftOut: ReadonlyMap<Element, ReadonlySet<Element>>;
  readonly storyBlocks: readonly Element[];
}

const final = (candidate: Candidate | undefined) => (candidate ? candidate.score * (1 - linkDensity(candidate)) : 0);

/** The `count` candidates scoring best, best first. */
function ranked(candidates: ReadonlyMap<Element, Candidate>, count: number): Candidate[] {
  const ranked: Candidate[] = [];
  for (const candidate of candidates.values()) {
    const score = final(candidate);
    let index = ranked.findIndex((other) => score > final(other));
    if (index < 0) index = ranked.length;
    if (index < count) ranked.splice(index, 0, candidate);
    if (ranked.length > count) ranked.pop();
  }
  return ranked;
}

/** `scorer`, having walked `root`. */
function walked(scorer: Scorer, root: Element): Scorer {
  scorer.walk(root, root.tagName.toUpperCase());
  return scorer;
}

/**
 * Whether the retry without unlikely names could find an article the first walk did not. Where the
 * first walk scored no paragraph at all, the retry's paragraphs can only be in the blocks it set
 * aside by name: walked alone, and without a paragraph there, it finds nothing either. So a page
 * with no prose anywhere (a shop's grid, an app) is decided in one walk, not two.
 */
function mayRetryFind(first: Scorer): boolean {
  return (
    first.scoredParagraphs > 0 ||
    first.setAsideByName.some((block) => walked(new Scorer({ unlikelyNames: false }), block).scoredParagraphs > 0)
  );
}

/** The article in `body`, from a walk of it (`walkedBody`): the best block, widened to what holds the story. */
function articleIn(body: HTMLElement, walkedBody: Scorer): Found | null {
  const { candidates, top } = scoreBlocks(body, walkedBody);
  const best = top[0];
  if (!best) return null;
  if (best.element === body) return articleOf(body, best, candidates, body);
  return articleOf(widen(best, top, candidates, body), best, candidates, body);
}

/** Every candidate's score, and the TOP best, best first, among the blocks the reader sees. */
function scoreBlocks(
  body: HTMLElement,
  walkedBody: Scorer,
): { candidates: ReadonlyMap<Element, Candidate>; top: Candidate[] } {
  let scorer = walkedBody;
  const { unlikelyNames } = walkedBody;
  let top = ranked(scorer.candidates, TOP);
  // A block the reader does not see is not the story (a message shown only in print, a closed
  // tab), nor are its paragraphs part of the blocks around it: when the best is one, the page is
  // scored again without the hidden among the best. Asked of the best alone otherwise: each
  // answer may need the page's style.
  if (top[0] && !isRendered(top[0].element)) {
    const hidden = new Set(top.filter((candidate) => !isRendered(candidate.element)).map(({ element }) => element));
    scorer = walked(new Scorer({ unlikelyNames, hidden }), body);
    top = ranked(scorer.candidates, RANKED)
      .filter((candidate) => isRendered(candidate.element))
      .slice(0, TOP);
  }
  return { candidates: scorer.candidates, top };
}

/** From the best block up to the element that holds the article (below `body`). */
function widen(
  best: Candidate,
  top: readonly Candidate[],
  candidates: ReadonlyMap<Element, Candidate>,
  body: HTMLElement,
): Element {
  let root = best.element;
  const bestScore = final(best);
  // Several near-best candidates under one ancestor (that the reader sees): the ancestor holds the article.
  let near = top.slice(1).filter((other) => final(other) >= bestScore * 0.75);
  if (near.length >= 3) near = near.filter((other) => isRendered(other.element));
  if (near.length >= 3) {
    for (let parent = root.parentElement; parent && parent !== body; parent = parent.parentElement) {
      if (near.filter((other) => parent.contains(other.element)).length >= 3) {
        root = parent;
        break;
      }
    }
  }
  root = parentWithOwnParagraphs(root, candidates, body);
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
  return declaredAround(root, body);
}

/**
 * A parent scoring better than the blocks below it, with paragraphs of its own (more of the story
 * beside the candidate), is the article; else `root` is.
 */
function parentWithOwnParagraphs(
  root: Element,
  candidates: ReadonlyMap<Element, Candidate>,
  body: HTMLElement,
): Element {
  let lastScore = final(candidates.get(root));
  const threshold = lastScore / 3;
  for (let parent = root.parentElement; parent && parent !== body; parent = parent.parentElement) {
    const candidate = candidates.get(parent);
    if (!candidate) continue;
    const score = final(candidate);
    if (score < threshold) break;
    if (score > lastScore && candidate.own > 0) return parent;
    lastScore = score;
  }
  return root;
}

/** The article at `root` with the story's continuations joined, or null when it holds too little prose. */
function articleOf(
  root: Element,
  best: Candidate,
  candidates: ReadonlyMap<Element, Candidate>,
  body: Element,
): Found | null {
  const stories = new Story(root, best, candidates);
  root = stories.joinSiblings(root);
  root = stories.joinRepeatedBlocks(root, best.element, body);
  const article = candidates.get(root);
  const prose = article ? article.text - article.links : (root.textContent ?? '').trim().length;
  if (prose < MIN_ARTICLE_TEXT) return null;
  const storyBlocks: Element[] = [];
  for (const block of [best.element, ...stories.joinedBlocks]) {
    for (let node: Element | null = block; node && node !== root.parentElement; node = node.parentElement)
      storyBlocks.push(node);
  }
  return { root, leftOut: stories.leftOut, storyBlocks };
}

/** Paragraphs of its own that make a block part of a story rather than a teaser. */
const MIN_PROSE_BLOCK_PARAGRAPHS = 2;
/** Levels above the article's root at which the story may go on in blocks of the same kind. */
const REPEATED_BLOCK_LEVELS = 3;

/**
 * The blocks beyond Readability's rules that may hold more of the story: blocks of two paragraphs
 * or more that score as a continuation (where a pane or a repeated block holds its part), and the
 * boxes of the kind (class) that holds most of the root's paragraphs, wherever they are.
 */
class StoryBlocks {
  private readonly proseBlocks: Element[] = [];
  private readonly boxes: Candidate[] = [];

  constructor(root: Element, best: Candidate, candidates: ReadonlyMap<Element, Candidate>) {
    // Held to the best block's score, not the root's: a long story's root scores far below its
    // best block, and an author's note beside the story would pass.
    const proseThreshold = Math.max(10, final(best) * 0.2);
    const classed: Candidate[] = [];
    const ownByKind = new Map<string, number>();
    for (const candidate of candidates.values()) {
      if (candidate.paragraphs === 0) continue;
      if (candidate.paragraphs >= MIN_PROSE_BLOCK_PARAGRAPHS && final(candidate) >= proseThreshold)
        this.proseBlocks.push(candidate.element);
      const { className } = candidate.element;
      if (typeof className !== 'string' || className === '' || linkDensity(candidate) >= 0.25) continue;
      classed.push(candidate);
      if (root.contains(candidate.element)) ownByKind.set(className, (ownByKind.get(className) ?? 0) + candidate.own);
    }
    let storyKind: string | undefined;
    for (const [kind, own] of ownByKind)
      if (storyKind === undefined || own > ownByKind.get(storyKind)!) storyKind = kind;
    for (const box of classed) if (box.element.className === storyKind) this.boxes.push(box);
  }

  /**
   * For each child of `parent`, the points of the story's boxes in it and the first prose block in
   * it, found from the blocks up: a parent may have thousands of children.
   */
  byChild(parent: Element): { boxOwn: Map<Element, number>; prose: Map<Element, Element> } {
    const boxOwn = new Map<Element, number>();
    for (const box of this.boxes) {
      const child = childHolding(parent, box.element);
      if (child) boxOwn.set(child, (boxOwn.get(child) ?? 0) + box.own);
    }
    const prose = new Map<Element, Element>();
    for (const block of this.proseBlocks) {
      const child = childHolding(parent, block);
      if (child && !prose.has(child)) prose.set(child, block);
    }
    return { boxOwn, prose };
  }

  /** The block of prose in `container` like `story` (same tag, same class), if any. */
  storyIn(container: Element, story: Element): Element | null {
    return (
      this.proseBlocks.find(
        (block) => block.tagName === story.tagName && block.className === story.className && container.contains(block),
      ) ?? null
    );
  }
}

/** What continues the story chosen at `root`, and what was joined to it. */
class Story {
  /** Readability's bar for a sibling block to join the article. */
  private readonly threshold: number;
  private readonly rootScore: number;
  /**
   * Null beside a declared article (an <article>, an `articleBody`), which holds the whole story:
   * there only Readability's own siblings join.
   */
  private readonly blocks: StoryBlocks | null;
  /** The best-scoring block of each story-like block joined (their containers are not furniture). */
  readonly joinedBlocks: Element[] = [];
  /** The siblings left out where the root was widened to their parent, by that parent. */
  readonly leftOut = new Map<Element, ReadonlySet<Element>>();

  constructor(
    root: Element,
    best: Candidate,
    private readonly candidates: ReadonlyMap<Element, Candidate>,
  ) {
    this.rootScore = final(candidates.get(root));
    this.threshold = Math.max(10, this.rootScore * 0.2);
    this.blocks = root.matches(DECLARED_SELECTOR) ? null : new StoryBlocks(root, best, candidates);
  }

  /**
   * The story continued beside `root` (blocks split by an ad, a second body part, lone paragraphs,
   * the other panes of a panels layout): returns their parent with the other siblings left out, or
   * `root` when nothing beside it belongs.
   */
  joinSiblings(root: Element): Element {
    const parent = root.parentElement;
    if (!parent || parent.tagName === 'HTML') return root;
    const inside = this.blocks?.byChild(parent);
    const joined: Element[] = [];
    const left = new Set<Element>();
    for (const sibling of parent.children) {
      if (sibling === root) continue;
      const block = this.continuation(sibling, root, inside?.boxOwn.get(sibling) ?? 0, inside?.prose.get(sibling));
      // Asked last, of the few that qualify: each answer may need the page's style.
      if (block && isRendered(sibling)) {
        joined.push(sibling);
        this.joinedBlocks.push(block);
      } else left.add(sibling);
    }
    if (joined.length === 0) return root;
    this.leftOut.set(parent, left);
    return parent;
  }

  /**
   * A long read cut into blocks of one kind (same tag, same class) between figures and pull
   * quotes, the story deep inside each in a block of the same kind as `story`, the best-scoring
   * one: the blocks' parent, the other children left out. Looked for a few levels above `root`,
   * since each block wraps its text in layout boxes; a sidebar column beside the story's column is
   * of the same kind too, but what scores in it is not a block like the story's.
   */
  joinRepeatedBlocks(root: Element, story: Element, body: Element): Element {
    if (!this.blocks) return root;
    let block = root;
    for (let level = 0; level < REPEATED_BLOCK_LEVELS; level++) {
      const parent = block.parentElement;
      if (!parent || parent === body || parent.tagName === 'HTML') break;
      const kind = typeof block.className === 'string' ? block.className : '';
      if (kind !== '') {
        const joined: Element[] = [];
        const left = new Set<Element>();
        for (const sibling of parent.children) {
          if (sibling === block) continue;
          const more =
            sibling.tagName === block.tagName && sibling.className === kind
              ? this.blocks.storyIn(sibling, story)
              : null;
          if (more) joined.push(more);
          else left.add(sibling);
        }
        if (joined.length > 0) {
          this.leftOut.set(parent, left);
          this.joinedBlocks.push(...joined);
          return parent;
        }
      }
      block = parent;
    }
    return root;
  }

  /** Readability's test, for a block with paragraphs of its own (not a row of teasers, each in its own box). */
  private isContinuation(candidate: Candidate, bonus: number): boolean {
    const density = linkDensity(candidate);
    return candidate.own > 0 && density < 0.25 && candidate.score * (1 - density) + bonus >= this.threshold;
  }

  /**
   * Where `sibling` continues the story, given what of the story's boxes (`boxOwn`, their points)
   * and which prose block (`prose`) it holds: the sibling, or the block deep inside it; null
   * when it does not.
   */
  private continuation(sibling: Element, root: Element, boxOwn: number, prose: Element | undefined): Element | null {
    const candidate = this.candidates.get(sibling);
    if (candidate) {
      const bonus = sibling.className === root.className && root.className !== '' ? this.rootScore * 0.2 : 0;
      if (this.isContinuation(candidate, bonus)) return sibling;
    }
    // Paragraphs each in a box of their own, boxes of the kind (class) that holds the root's
    // paragraphs (a page of generated class names makes each paragraph a component): the story
    // goes on there. A row of teasers boxes its paragraphs in a kind of its own; a box without a
    // class is of no kind.
    if (boxOwn >= this.threshold) return sibling;
    // A pane of a panels layout: its part of the story in a block deeper down, too deep for the
    // block's paragraphs to credit the pane much or at all (a row of teasers holds only blocks of
    // one paragraph each).
    if (prose) return prose;
    if (sibling.tagName !== 'P') return null;
    const text = (sibling.textContent ?? '').replace(/\s+/g, ' ').trim();
    let links = 0;
    for (const link of sibling.querySelectorAll('a')) links += (link.textContent ?? '').length;
    const density = text.length === 0 ? 1 : links / text.length;
    if (text.length > 80) return density < 0.25 ? sibling : null;
    return text.length > 0 && density === 0 && /\.( |$)/.test(text) ? sibling : null;
  }
}

/** The child of `parent` that holds `element` (or is it), if any. */
function childHolding(parent: Element, element: Element): Element | null {
  let node: Element | null = element;
  while (node && node.parentElement !== parent) node = node.parentElement;
  return node;
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
