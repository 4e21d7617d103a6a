/**
 * An article's title from the page's `<title>` the way reader mode takes it (@mozilla/readability
 * 0.6's `_getArticleTitle`, ported): the site's name after a separator dropped ("Story | Site"), the
 * part after a colon where no heading repeats the whole, the page's only `<h1>` where the title is
 * too long or too short to be one. Agreeing with reader mode is measured on ../shared/postlight-pages
 * (tests/unit/my-sources/reader-metadata-pages.test.ts).
 */

const SEPARATOR = / [|\-\\/>»] /;
const HIERARCHICAL_SEPARATOR = / [\\/>»] /;

const wordCount = (text: string) => text.split(/\s+/).length;

/** Text as reader mode reads an element's: trimmed, runs of two or more spaces made one. */
export const innerText = (element: Element) => (element.textContent ?? '').trim().replace(/\s{2,}/g, ' ');

/**
 * How much of `b`'s words also occur in `a`, 0 to 1 (reader mode's `_textSimilarity`): it tells a
 * heading that repeats the title, and which of a JSON-LD block's name and headline is the title.
 */
export function textSimilarity(a: string, b: string): number {
  const tokensA = a.toLowerCase().split(/\W+/).filter(Boolean);
  const tokensB = b.toLowerCase().split(/\W+/).filter(Boolean);
  if (tokensA.length === 0 || tokensB.length === 0) return 0;
  const unique = tokensB.filter((token) => !tokensA.includes(token));
  return 1 - unique.join(' ').length / tokensB.join(' ').length;
}

/** The document's title as browsers give it: ASCII whitespace collapsed and trimmed. */
export const documentTitle = (doc: Document) => doc.title.replace(/[\t\n\f\r ]+/g, ' ').trim();

export function readerTitle(doc: Document): string {
  const original = documentTitle(doc);
  let title = original;
  let hadHierarchicalSeparators = false;
  if (SEPARATOR.test(title)) {
    hadHierarchicalSeparators = HIERARCHICAL_SEPARATOR.test(title);
    const separators = [...original.matchAll(/ [|\-\\/>»] /g)];
    title = original.slice(0, separators.at(-1)!.index);
    if (wordCount(title) < 3) title = original.replace(/^[^|\-\\/>»]*[|\-\\/>»]/, '');
  } else if (title.includes(': ')) {
    const headings = [...doc.querySelectorAll('h1, h2')];
    if (!headings.some((heading) => (heading.textContent ?? '').trim() === title)) {
      title = original.slice(original.lastIndexOf(':') + 1);
      if (wordCount(title) < 3) title = original.slice(original.indexOf(':') + 1);
      else if (wordCount(original.slice(0, original.indexOf(':'))) > 5) title = original;
    }
  } else if (title.length > 150 || title.length < 15) {
    const [h1, ...more] = doc.getElementsByTagName('h1');
    if (h1 && more.length === 0) title = innerText(h1);
  }
  title = title.trim().replace(/\s{2,}/g, ' ');
  const words = wordCount(title);
  // Four words or fewer left: the cut took too much, unless it only dropped one hierarchical part.
  if (words <= 4 && (!hadHierarchicalSeparators || words !== wordCount(original.replace(/[|\-\\/>»]+/g, '')) - 1)) {
    return original;
  }
  return title;
}
