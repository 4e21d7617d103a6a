/**
 * Whether an interface speaks one language: the Latin words left in a Chinese interface, or the
 * Chinese characters left in an English one, once what the knowledge base and the pages say
 * (names, summaries, excerpts, figures, credits: data, never translated by the interface) is taken
 * out of its visible text.
 */

/**
 * Latin words a Chinese interface may show: the extension's name, units of storage, and the
 * example of a site name (a placeholder) that is the same in every language.
 */
const LATIN_ALLOWED: ReadonlySet<string> = new Set(['Crosscheck', 'KB', 'MB', 'GB', 'example.com']);

/**
 * Fields of the knowledge base's data that readers do not see as they are: ids, codes, and what the
 * interface says in its own words (a source's kind, "博客文章"; a category; a figure's status).
 */
const NOT_SHOWN_AS_IS: ReadonlySet<string> = new Set([
  'id',
  'file',
  'source',
  'agreement',
  'quotes',
  'language',
  'kind',
  'category',
  'status',
  'unit',
]);

/** Every string the data holds, wherever it is nested (so a field added to the data is covered too). */
export function dataStrings(data: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof data === 'string') {
    if (data.trim() !== '') into.add(data);
  } else if (Array.isArray(data)) {
    for (const item of data) dataStrings(item, into);
  } else if (typeof data === 'object' && data !== null) {
    for (const [key, value] of Object.entries(data)) if (!NOT_SHOWN_AS_IS.has(key)) dataStrings(value, into);
  }
  return into;
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One pattern for all the data's strings, the longest first, each a whole word ("Act" is no part of "Actually"). */
function dataPattern(data: Iterable<string>): RegExp {
  const values = [...new Set([...data].map((value) => value.replace(/\s+/g, ' ').trim()))]
    .filter((value) => value.length > 0)
    .sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![A-Za-z])(?:${values.map(escaped).join('|')})(?![A-Za-z])`, 'g');
}

/** Finds the words of another language in an interface's visible text, outside what the data says. */
export function languageCheck(data: Iterable<string>) {
  const pattern = dataPattern(data);
  const withoutData = (text: string) => text.replace(/\s+/g, ' ').replace(pattern, ' ');
  return {
    /** The Latin words outside the data, but for the few a Chinese interface may show. */
    latinWords(text: string): string[] {
      const words = withoutData(text).match(/[A-Za-z]+(?:['’.-][A-Za-z]+)*/g) ?? [];
      return [...new Set(words)].filter((word) => !LATIN_ALLOWED.has(word));
    },
    /** The runs of Chinese characters outside the data. */
    chinese(text: string): string[] {
      return [...new Set(withoutData(text).match(/\p{Script=Han}+/gu) ?? [])];
    },
  };
}

/**
 * What a reader sees and hears in a document: the text of what is drawn (a line break where one
 * element ends and another begins, but for a marked mention or an isolated name inside a line), and
 * the attributes read to them. Evaluated in the page: it uses nothing outside itself.
 */
export function seen(): string {
  const inline = new Set(['MARK', 'BDI', 'STRONG']);
  const text = (node: Node): string => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
    if (!(node instanceof Element) || ['SCRIPT', 'STYLE'].includes(node.tagName) || !node.checkVisibility()) return '';
    const inner = [...node.childNodes].map(text).join('');
    return inline.has(node.tagName) ? inner : `\n${inner}\n`;
  };
  const heard = ['aria-label', 'aria-description', 'title', 'placeholder', 'alt'];
  const attributes = [...document.querySelectorAll('*')].flatMap((element) =>
    heard.map((name) => element.getAttribute(name) ?? ''),
  );
  return [document.title, text(document.body), ...attributes].join('\n');
}
