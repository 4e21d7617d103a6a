/**
 * What a page declares about itself: its canonical address, title, author, publisher and date,
 * read from JSON-LD (NewsArticle, Article and their kinds, inside `@graph` or arrays too), the
 * Open Graph and article meta tags and `<link rel=canonical>`. Nothing is guessed: a field the page
 * does not declare stays null. Pure: reads the document, changes nothing.
 */

export interface PageMetadata {
  /** The page's own address, without the fragment. */
  readonly url: string;
  /** The address the page declares as canonical (`<link rel=canonical>`), absolute http(s); null when none. */
  readonly canonical: string | null;
  readonly title: string | null;
  readonly author: string | null;
  /** The publisher or site name ("Reuters"). */
  readonly site: string | null;
  /** The publication date as the page declares it (usually ISO 8601). */
  readonly published: string | null;
}

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every object a JSON-LD block holds at its top, in arrays or in `@graph`. */
function jsonLdNodes(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.flatMap(jsonLdNodes);
  if (!isObject(value)) return [];
  return [value, ...jsonLdNodes(value['@graph'])];
}

/** NewsArticle, Article, ReportageNewsArticle, OpinionNewsArticle…: the kinds of article schema.org names. */
function isArticle(node: JsonObject): boolean {
  const types = ([] as unknown[]).concat(node['@type']);
  return types.some((type) => typeof type === 'string' && /Article$/.test(type));
}

function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.replace(/\s+/g, ' ').trim();
  return trimmed === '' ? null : trimmed;
}

/** A person or organisation as a name: "Jane Doe", { name: "Jane Doe" }, or a list of them. */
function names(value: unknown): string | null {
  const list = ([] as unknown[])
    .concat(value)
    .map((item) => (isObject(item) ? text(item.name) : text(item)))
    .filter((name): name is string => name !== null);
  return list.length === 0 ? null : [...new Set(list)].join(', ');
}

function readJsonLd(doc: Document): JsonObject | null {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // a page's broken block says nothing
    }
    const article = jsonLdNodes(parsed).find(isArticle);
    if (article) return article;
  }
  return null;
}

function meta(doc: Document, key: string): string | null {
  for (const element of doc.querySelectorAll('meta')) {
    if (element.getAttribute('property') === key || element.getAttribute('name') === key) {
      const content = text(element.getAttribute('content'));
      if (content) return content;
    }
  }
  return null;
}

/** An address as an absolute http(s) URL, or null. */
function absolute(href: string | null, base: string): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Longest address an article is saved under (browsers accept far longer; a key this long is plenty). */
export const MAX_ADDRESS = 8192;

/**
 * The address an article is saved under, and matched by when saved again: the declared canonical
 * address only where it is on the page's own origin (a page cannot claim another site's article),
 * else the page's own; without the fragment. Null when it is not http(s) or too long to keep.
 */
export function savedAddress({
  url,
  canonical,
}: {
  readonly url: string;
  readonly canonical?: string | null;
}): string | null {
  const own = absolute(url, url);
  if (own === null) return null;
  const declared = canonical ? absolute(canonical, own) : null;
  const chosen = new URL(declared !== null && new URL(declared).origin === new URL(own).origin ? declared : own);
  chosen.hash = '';
  return chosen.href.length <= MAX_ADDRESS ? chosen.href : null;
}

function declaredCanonical(doc: Document, pageUrl: string): string | null {
  return absolute(doc.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? null, pageUrl);
}

/** The page's address as the save rule sees it (see savedAddress), without reading the rest. */
export function pageSavedAddress(doc: Document, pageUrl: string): string | null {
  return savedAddress({ url: pageUrl, canonical: declaredCanonical(doc, pageUrl) });
}

export function readPageMetadata(doc: Document, pageUrl: string): PageMetadata {
  const article = readJsonLd(doc);
  const own = new URL(pageUrl);
  own.hash = '';
  return {
    url: own.href,
    canonical: declaredCanonical(doc, pageUrl),
    title: text(article?.headline) ?? meta(doc, 'og:title') ?? text(doc.title),
    author: names(article?.author),
    site: names(article?.publisher) ?? meta(doc, 'og:site_name'),
    published: text(article?.datePublished) ?? meta(doc, 'article:published_time'),
  };
}
