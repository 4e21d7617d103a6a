import { bylineText, firstReadTime, itemValue } from './shown-metadata';
import { anyJsonLdArticle, readerJsonLd, type JsonLdArticle } from './json-ld';
import { readerTitle } from './reader-title';

/**
 * What a page declares about itself: its canonical address, title, author, publisher and date, read
 * as reader mode reads them (@mozilla/readability 0.6, the reference: JSON-LD, then Dublin Core,
 * Open Graph, Twitter and Parse.ly tags, `<meta name=author>`, then a byline element), and where
 * reader mode finds nothing, from what else the page declares: JSON-LD it passes over, microdata
 * (`itemprop="author"`, `"publisher"`, `"datePublished"`), Dublin Core dates and publisher, the
 * first `<time datetime>` a reader sees. Nothing is guessed: a field the page does not declare stays
 * null. Runs only when the reader saves an article (never on page load). Pure: reads the document,
 * changes nothing. What it returns is the page's word, cleaned before it is kept (see declared.ts).
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

/** `property` values reader mode reads (a space-separated list: the first it names counts). */
const PROPERTY =
  /\s*(article|dc|dcterm|og|twitter)\s*:\s*(author|creator|description|published_time|title|site_name)\s*/i;
/** `name` values reader mode reads ("dc.creator", "author", "parsely-pub-date"…). */
const NAME =
  /^\s*(?:(dc|dcterm|og|twitter|parsely|weibo:(article|webpage))\s*[-.:]\s*)?(author|creator|pub-date|description|title|site_name)\s*$/i;
/** Dublin Core dates and publisher, which reader mode does not read: "DC.date.issued", "dcterms.created". */
const DUBLIN_CORE = /^\s*(?:dc|dcterms?)\s*[.:]\s*(date(?:\.issued|\.created)?|issued|created|publisher)\s*$/i;

/**
 * The meta tags' values by reader mode's keys ("og:title", "dc:creator", "author"; the last tag of a
 * key wins, as there), and Dublin Core's dates ("dc:date") and publisher ("dc:publisher").
 */
function metaValues(doc: Document): Map<string, string> {
  const values = new Map<string, string>();
  for (const element of doc.getElementsByTagName('meta')) {
    const content = element.getAttribute('content');
    if (!content) continue;
    const property = element.getAttribute('property');
    const matched = property ? PROPERTY.exec(property) : null;
    const name = element.getAttribute('name');
    if (matched) {
      values.set(matched[0].toLowerCase().replace(/\s/g, ''), content.trim());
    } else if (name && NAME.test(name)) {
      values.set(name.toLowerCase().replace(/\s/g, '').replace(/\./g, ':'), content.trim());
    } else if (name) {
      const dublinCore = DUBLIN_CORE.exec(name);
      if (dublinCore?.[1]) values.set(`dc:${dublinCore[1].toLowerCase().replace('.', ':')}`, content.trim());
    }
  }
  return values;
}

const ESCAPES = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as const;

/** Entities left in a declared value ("Q&amp;A", "&#8217;"): many sites escape their tags twice. */
export function unescapeEntities(value: string): string {
  return value
    .replace(/&(quot|amp|apos|lt|gt);/g, (_, name: keyof typeof ESCAPES) => ESCAPES[name])
    .replace(/&#(?:x([0-9a-f]+)|([0-9]+));/gi, (_, hex: string | undefined, decimal: string | undefined) => {
      const code = parseInt(hex ?? decimal!, hex ? 16 : 10);
      return String.fromCodePoint(code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? 0xfffd : code);
    });
}

/** A value that says something, or null (reader mode passes over empty ones). */
const present = (value: string | null | undefined) => (value && value.trim() !== '' ? value : null);

/** A byline as shown: "By Jane Doe", "By: Jane Doe", "ByJane Doe" (words run together) read as "Jane Doe". */
export function withoutBy(byline: string): string {
  return byline
    .replace(/^by\b[\s:]*/i, '')
    .replace(/^By(?=\p{Lu})/u, '')
    .trim();
}

/** The publisher microdata names: its `name` property (the publisher's own text holds logos and links). */
function microdataPublisher(doc: Document): string | null {
  const publisher = doc.querySelector('[itemprop~="publisher"]');
  const name = publisher?.querySelector('[itemprop~="name"]');
  return publisher?.getAttribute('content') ?? (name ? itemValue(name) : null);
}

/** What reader mode reads, field by field, from the meta tags and its JSON-LD (see the module's comment). */
function readerFields(values: Map<string, string>, jsonLd: JsonLdArticle | null) {
  const value = (key: string) => present(values.get(key));
  const articleAuthor = value('article:author');
  return {
    title:
      present(jsonLd?.title) ??
      value('dc:title') ??
      value('dcterm:title') ??
      value('og:title') ??
      value('weibo:article:title') ??
      value('weibo:webpage:title') ??
      value('title') ??
      value('twitter:title') ??
      value('parsely-title'),
    author:
      present(jsonLd?.author) ??
      value('dc:creator') ??
      value('dcterm:creator') ??
      value('author') ??
      value('parsely-author') ??
      (articleAuthor && absolute(articleAuthor, null) === null ? articleAuthor : null),
    site: present(jsonLd?.site) ?? value('og:site_name'),
    published: present(jsonLd?.published) ?? value('article:published_time') ?? value('parsely-pub-date'),
  };
}

/** An address as an absolute http(s) URL (against `base`, or alone when null), or null. */
function absolute(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, base ?? undefined);
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
  let pageTitle: string | undefined;
  const title = () => (pageTitle ??= readerTitle(doc));
  const values = metaValues(doc);
  const dublinCore = (key: string) => present(values.get(key));
  const reader = readerFields(values, readerJsonLd(doc, title));
  const other = anyJsonLdArticle(doc);
  const datePublished = doc.querySelector('[itemprop~="datePublished"]');
  const unescaped = (value: string | null) => (value === null ? null : unescapeEntities(value));
  const own = new URL(pageUrl);
  own.hash = '';
  return {
    url: own.href,
    canonical: declaredCanonical(doc, pageUrl),
    title: unescaped(reader.title ?? present(title()) ?? present(other?.title)),
    author: unescaped(reader.author ?? present(withoutBy(bylineText(doc) ?? '')) ?? present(other?.author)),
    site: unescaped(
      reader.site ?? present(other?.site) ?? dublinCore('dc:publisher') ?? present(microdataPublisher(doc)),
    ),
    published: unescaped(
      reader.published ??
        present(other?.published) ??
        present(datePublished && itemValue(datePublished)) ??
        dublinCore('dc:date:issued') ??
        dublinCore('dc:issued') ??
        dublinCore('dc:date') ??
        dublinCore('dc:date:created') ??
        dublinCore('dc:created') ??
        firstReadTime(doc),
    ),
  };
}
