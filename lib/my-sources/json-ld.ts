import { textSimilarity } from './reader-title';

/**
 * What a page's JSON-LD says about its article. Two readings: reader mode's (@mozilla/readability
 * 0.6's `_getJSONLD`, ported: the first block whose schema.org article it accepts), which is asked
 * first so Crosscheck credits what reader mode credits; and a wider one for what it passes over (an
 * article inside a list or `@graph` beside other nodes, a block without `@context`, an author or
 * publisher given as plain text), asked only when reader mode's sources say nothing.
 */

export interface JsonLdArticle {
  readonly title: string | null;
  readonly author: string | null;
  readonly site: string | null;
  readonly published: string | null;
}

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reader mode's test of an article's `@type` (as it is written there: "Article…", or a name containing one of the rest). */
const ARTICLE_TYPES =
  /^Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference$/;

const SCHEMA_ORG = /^https?:\/\/schema\.org\/?$/;

const isArticleType = (type: unknown) => typeof type === 'string' && ARTICLE_TYPES.test(type);

const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : null);

/** Every JSON-LD block's content, parsed; a broken block says nothing. */
function blocks(doc: Document): unknown[] {
  return [...doc.querySelectorAll('script[type="application/ld+json"]')].flatMap((script) => {
    try {
      return [JSON.parse((script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')) as unknown];
    } catch {
      return [];
    }
  });
}

/** The article node reader mode takes from one block, or null. */
function readerArticle(parsed: unknown): JsonObject | null {
  let node = Array.isArray(parsed) ? parsed.find((item) => isObject(item) && isArticleType(item['@type'])) : parsed;
  if (!isObject(node)) return null;
  const context = node['@context'];
  const vocabulary = isObject(context) ? context['@vocab'] : context;
  if (typeof vocabulary !== 'string' || !SCHEMA_ORG.test(vocabulary)) return null;
  if (!node['@type'] && Array.isArray(node['@graph'])) {
    node = node['@graph'].find((item) => isObject(item) && isArticleType(item['@type']));
  }
  return isObject(node) && isArticleType(node['@type']) ? node : null;
}

function readerAuthor(author: unknown): string | null {
  if (isObject(author)) return trimmed(author.name);
  if (Array.isArray(author) && isObject(author[0]) && typeof author[0].name === 'string') {
    return author
      .filter((item): item is JsonObject => isObject(item) && typeof item.name === 'string')
      .map((item) => (item.name as string).trim())
      .join(', ');
  }
  return null;
}

/** Of a name and a headline that differ, the headline where it alone is like the page's title, else the name. */
function titleOf(name: string, headline: string, pageTitle: string): string {
  return textSimilarity(headline, pageTitle) > 0.75 && !(textSimilarity(name, pageTitle) > 0.75) ? headline : name;
}

/**
 * The first block reader mode accepts, read as it reads it: of a `name` and a `headline` that
 * differ, the one like the page's title (`name` when neither or both are).
 */
export function readerJsonLd(doc: Document, pageTitle: () => string): JsonLdArticle | null {
  for (const parsed of blocks(doc)) {
    const article = readerArticle(parsed);
    if (!article) continue;
    const { name, headline } = article;
    const bothDiffer = typeof name === 'string' && typeof headline === 'string' && name !== headline;
    const title = bothDiffer ? titleOf(name, headline, pageTitle()) : (trimmed(name) ?? trimmed(headline));
    return {
      title,
      author: article.author ? readerAuthor(article.author) : null,
      site: isObject(article.publisher) ? trimmed(article.publisher.name) : null,
      published: trimmed(article.datePublished),
    };
  }
  return null;
}

/** Every object a block holds at its top, in arrays or in `@graph`. */
function nodes(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.flatMap(nodes);
  if (!isObject(value)) return [];
  return [value, ...nodes(value['@graph'])];
}

const isArticle = (node: JsonObject) => ([] as unknown[]).concat(node['@type']).some(isArticleType);

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** A person or organisation as a name: "Jane Doe", { name: "Jane Doe" }, or a list of them. */
function names(value: unknown): string | null {
  const list = ([] as unknown[])
    .concat(value)
    .map((item) => (isObject(item) ? text(item.name) : text(item)))
    .filter((name): name is string => name !== null);
  return list.length === 0 ? null : [...new Set(list)].join(', ');
}

/** The first article node in any block, wherever it sits, its people and publisher as names or text. */
export function anyJsonLdArticle(doc: Document): JsonLdArticle | null {
  const article = blocks(doc).flatMap(nodes).find(isArticle);
  if (!article) return null;
  return {
    title: text(article.headline) ?? text(article.name),
    author: names(article.author),
    site: names(article.publisher),
    published: text(article.datePublished),
  };
}
