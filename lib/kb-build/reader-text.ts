/**
 * Readers see titles, outlets and authors, never the corpus's file names or ids. This finds a
 * source named the internal way in text meant for readers (summaries, notes, labels, credits).
 */

export interface NamedSource {
  readonly id: string;
  readonly file: string;
  readonly title: string | null;
  readonly author: string | null;
  readonly outlet: string | null;
  readonly kind?: string | null;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Not inside a longer token: "001" is a file number; "2001", "1,001" and "blog-001" are not it. */
const token = (text: string) => `(?<![\\p{L}\\p{N}_.,-])${escape(text)}(?![\\p{L}\\p{N}_-])`;

/** Whether `word` is a word of one of the names readers see for the source ("armitage" in "Chris Armitage"). */
function isReaderName(source: NamedSource, word: string): boolean {
  const shown = [source.title, source.author, source.outlet, source.kind].filter((n): n is string => !!n).join(' ');
  return new RegExp(token(word), 'iu').test(shown);
}

/** The internal names of each source: its file name, the file's stem and number, and its id unless readers see it. */
export function internalNames(sources: readonly NamedSource[]): string[] {
  const names = new Set<string>();
  for (const source of sources) {
    names.add(source.file);
    const stem = source.file.replace(/\.[^.]+$/, '');
    names.add(stem);
    const number = /^(\d+)[_-]/.exec(stem)?.[1];
    if (number) names.add(number);
    if (!isReaderName(source, source.id)) names.add(source.id);
  }
  return [...names].sort((a, b) => b.length - a.length);
}

/** The first internal name of a source that `text` contains, or null. */
export function findInternalName(text: string, names: readonly string[]): string | null {
  for (const name of names) if (new RegExp(token(name), 'u').test(text)) return name;
  return null;
}
