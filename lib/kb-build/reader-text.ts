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

/** A source as a summary names it: how readers see it credited, and the forms that name it in prose. */
export interface SourceName {
  /** The name as its credit spells it ("Chris Armitage", "Forum", "The Case for Soft Secession"). */
  readonly name: string;
  /** What a summary writes for it: the name, and a person's surname alone ("Armitage"). */
  readonly forms: readonly string[];
}

/** Without a note in brackets: "Forum (radio talk show)" is credited as Forum. */
const withoutNote = (text: string) => text.replace(/\s*\([^)]*\)/g, '').trim();

/**
 * The names a summary can call the sources by, in any language: the people of each `author` field
 * ("Alexis Madrigal (host), with Clara Jeffrey and Jon Michaels" is three), by full name or surname,
 * each outlet, and each title up to its subtitle. Names keep their own spelling in every language,
 * so that a reader can match a summary to the card's credits.
 */
export function sourceNames(sources: readonly NamedSource[]): SourceName[] {
  const names = new Map<string, string[]>();
  for (const source of sources) {
    for (const person of withoutNote(source.author ?? '').split(/,|\bwith\b|\band\b/)) {
      const name = person.trim();
      const surname = name.split(/\s+/).pop()!;
      if (name) names.set(name, surname === name ? [name] : [name, surname]);
    }
    const outlet = withoutNote(source.outlet ?? '');
    if (outlet) names.set(outlet, [outlet]);
    const title = source.title?.split(':')[0]!.trim();
    if (title) names.set(title, [title]);
  }
  return [...names].map(([name, forms]) => ({ name, forms }));
}

/** Curly quotes as straight ones: "Armitage’s" names Armitage as "Armitage's" does. */
const straightQuotes = (text: string) => text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
/** Not inside a longer Latin word: "Forum" in "在Forum节目中", not in "Forums". */
const latinToken = (text: string) => `(?<![\\p{Script=Latin}\\p{N}])${escape(text)}(?![\\p{Script=Latin}\\p{N}])`;

/** The sources `text` names, by the name their credit spells, in the order of `names`. */
export function namedSources(text: string, names: readonly SourceName[]): string[] {
  const plain = straightQuotes(text);
  return names
    .filter(({ forms }) => forms.some((form) => new RegExp(latinToken(straightQuotes(form)), 'u').test(plain)))
    .map(({ name }) => name);
}
