/**
 * What a page declares about itself: its canonical address, title, author, publisher and date,
 * read from JSON-LD (NewsArticle, Article and their kinds, inside `@graph` or arrays too), the
 * Open Graph and article meta tags and `<link rel=canonical>`. Nothing is guessed: a field the page
 * does not declare stays null. Pure: reads the document, changes nothing.
 */

export interface PageMetadata {
  /** The page's canonical address, else its own address without the fragment. */
  readonly url: string;
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

export function readPageMetadata(doc: Document, pageUrl: string): PageMetadata {
  const article = readJsonLd(doc);
  const own = new URL(pageUrl);
  own.hash = '';
  const canonical = absolute(doc.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? null, pageUrl);
  return {
    url: canonical ?? own.href,
    title: text(article?.headline) ?? meta(doc, 'og:title') ?? text(doc.title),
    author: names(article?.author),
    site: names(article?.publisher) ?? meta(doc, 'og:site_name'),
    published: text(article?.datePublished) ?? meta(doc, 'article:published_time'),
  };
}
