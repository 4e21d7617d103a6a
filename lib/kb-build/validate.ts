import type { z } from 'zod';
import { foldForm } from '../text/fold';
import { mainScript } from '../text/scripts';
import { findInternalName, internalNames, namedSources, sourceNames, type SourceName } from './reader-text';
import { entrySchema, sourceSchema, type AuthoredEntry, type AuthoredFigure, type AuthoredSource } from './schema';

/**
 * Validates `seeds/` against the schema and checks what the schema cannot: ids, verbatim passages,
 * references, forms claimed twice, and names readers must never see.
 */

/** What the build found wrong, named by file, entry and field so an author can go straight there. */
export interface KbProblem {
  readonly severity: 'error' | 'warning';
  readonly file: string;
  readonly entry: string | null;
  readonly field: string | null;
  readonly message: string;
}

/** The parsed contents of `seeds/`: YAML already read, source texts by file name. */
export interface SeedInputs {
  readonly sources: { readonly file: string; readonly data: unknown };
  readonly entryFiles: readonly { readonly file: string; readonly data: unknown }[];
  readonly texts: Readonly<Record<string, string>>;
}

export interface ValidatedSeeds {
  readonly sources: readonly AuthoredSource[];
  /** Entries with the file they came from, in file then document order. */
  readonly entries: readonly { readonly file: string; readonly entry: AuthoredEntry }[];
  readonly problems: readonly KbProblem[];
}

export function formatProblem(problem: KbProblem): string {
  const where = [problem.file, problem.entry && `entry "${problem.entry}"`, problem.field && `field "${problem.field}"`]
    .filter(Boolean)
    .join(', ');
  return `${problem.severity}: ${where}: ${problem.message}`;
}

/** Counted nouns that measure time: a count of them says how long or since when. */
const DURATION_NOUNS = new Set(
  'second seconds minute minutes hour hours day days week weeks month months year years decade decades century centuries 秒 分钟 小时 天 周 月 个月 年 世纪'.split(
    ' ',
  ),
);
/** Counted nouns that are an article's own sourcing: how many it cites says nothing about the world. */
const SOURCING_NOUNS = new Set('source sources citation citations 消息人士 知情人士'.split(' '));

/**
 * Why `figure` is not a figure a reader would check, or null when it is. A figure entry is a
 * quantity about the world with a subject: money, a share, a multiple, or a count of things
 * (states, people, lawsuits, votes). The number of sources an article cites is the article's
 * sourcing, and a count of years or days is a time frame ("nearly two decades", "for 20 years"):
 * highlighted and given a verdict, they would read as facts to check on every page that repeats
 * them. Such a fact belongs in the summary of the entry it is about, or stays plain text.
 */
export function figureEntryProblem(figure: Pick<AuthoredFigure, 'unit' | 'noun'>): string | null {
  if (figure.unit !== 'count' || figure.noun === null) return null;
  const noun = figure.noun.toLowerCase();
  const head = noun.split(/\s+/).pop()!;
  if (DURATION_NOUNS.has(head) || DURATION_NOUNS.has(noun))
    return `counts ${figure.noun}: a time frame, not a quantity a reader checks; say it in the summary of the entry it is about`;
  if (SOURCING_NOUNS.has(head) || SOURCING_NOUNS.has(noun))
    return `counts ${figure.noun}: an article's sourcing, not a quantity about the world; say it in the summary of the entry it is about`;
  return null;
}

/**
 * Why `chinese` is not the Chinese counterpart of the English summary `english`, or null when it
 * is: it must be written in Chinese (most of its letters Han characters), and name the same
 * sources, spelled as their credits spell them, so that both attribute what they say to the same
 * people. A source named only by its kind ("an unsigned blog post") has no spelling to compare.
 */
export function chineseSummaryProblem(english: string, chinese: string, names: readonly SourceName[]): string | null {
  if (mainScript(chinese) !== 'han') return 'must be written in Chinese: most of its letters Han characters';
  const inEnglish = namedSources(english, names);
  const inChinese = namedSources(chinese, names);
  const missing = inEnglish.filter((name) => !inChinese.includes(name));
  const extra = inChinese.filter((name) => !inEnglish.includes(name));
  if (missing.length === 0 && extra.length === 0) return null;
  const list = (found: string[]) => found.map((name) => `"${name}"`).join(', ');
  return [
    'must name the sources the English summary names, spelled as their credits spell them',
    missing.length > 0 && `; missing ${list(missing)}`,
    extra.length > 0 && `; names ${list(extra)}, which the English summary does not`,
  ]
    .filter(Boolean)
    .join('');
}

function issuesToProblems(file: string, entry: string | null, issues: readonly z.core.$ZodIssue[]): KbProblem[] {
  return issues.map((issue) => {
    const path = issue.path.join('.');
    if (issue.code === 'unrecognized_keys') {
      const field = issue.keys.map((key) => (path ? `${path}.${key}` : key)).join(', ');
      return { severity: 'error', file, entry, field, message: 'unknown field' };
    }
    return { severity: 'error', file, entry, field: path || null, message: issue.message };
  });
}

function idOf(item: unknown, index: number): string {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : `#${index + 1}`;
}

/** The problems found so far, in the order they were found. */
class ProblemList {
  readonly problems: KbProblem[] = [];

  error(file: string, entry: string | null, field: string | null, message: string): void {
    this.problems.push({ severity: 'error', file, entry, field, message });
  }

  warning(file: string, entry: string, field: string, message: string): void {
    this.problems.push({ severity: 'warning', file, entry, field, message });
  }

  /** The list `data` holds, or none (an error) when it is not a list. */
  listOf(file: string, data: unknown): unknown[] {
    if (Array.isArray(data)) return data;
    this.error(file, null, null, 'must be a YAML list');
    return [];
  }

  /** Readers see titles, outlets and authors: a file name, file number or bare id in text meant for them is a mistake. */
  readerFacing(internal: InternalNames, file: string, entry: string, field: string, text: string | null | undefined) {
    const name = text ? findInternalName(text, internal) : null;
    if (name) this.error(file, entry, field, `names a source as "${name}": readers see titles, outlets and authors`);
  }
}

type InternalNames = ReturnType<typeof internalNames>;
type Located = { readonly file: string; readonly entry: AuthoredEntry };

/** Parses and cross-checks the seeds. Errors stop the build; warnings are printed. */
export function validateSeeds(inputs: SeedInputs): ValidatedSeeds {
  const list = new ProblemList();
  const sources = parseSources(inputs, list);
  const internal = internalNames(sources);
  checkSourceTexts(sources, inputs.sources.file, internal, list);
  const entries = parseEntries(inputs, list);
  const byId = new Map<string, Located>();
  const checks: EntryChecks = {
    sources,
    texts: inputs.texts,
    internal,
    formOwners: new Map(),
    corpus: Object.values(inputs.texts).map((text) => foldForm(text)),
    names: sourceNames(sources),
  };
  for (const item of entries) {
    const { file, entry } = item;
    if (byId.has(entry.id)) {
      list.error(file, entry.id, 'id', `duplicate id (also in ${byId.get(entry.id)!.file})`);
      continue;
    }
    byId.set(entry.id, item);
    checkEntry(item, checks, list);
  }
  for (const item of entries) checkReferences(item, byId, list);
  return { sources, entries, problems: list.problems };
}

/** The sources that parse, each with its file and verbatim passages checked. */
function parseSources(inputs: SeedInputs, list: ProblemList): AuthoredSource[] {
  const file = inputs.sources.file;
  const sources: AuthoredSource[] = [];
  list.listOf(file, inputs.sources.data).forEach((raw, index) => {
    const parsed = sourceSchema.safeParse(raw);
    if (!parsed.success) return list.problems.push(...issuesToProblems(file, idOf(raw, index), parsed.error.issues));
    const source = parsed.data;
    if (sources.some((s) => s.id === source.id)) return list.error(file, source.id, 'id', 'duplicate source id');
    const text = inputs.texts[source.file];
    if (text === undefined) return list.error(file, source.id, 'file', `no file "${source.file}" in seeds/`);
    source.notArticle?.forEach((passage, i) => {
      if (!text.includes(passage)) list.error(file, source.id, `notArticle.${i}`, 'not a verbatim passage of the file');
    });
    source.notByAuthor?.forEach((passage, i) => {
      if (!text.includes(passage.text))
        list.error(file, source.id, `notByAuthor.${i}.text`, 'not a verbatim passage of the file');
    });
    sources.push(source);
  });
  return sources;
}

/** What readers see of the sources, and their order: quotation detection takes the earlier of two as the original. */
function checkSourceTexts(
  sources: readonly AuthoredSource[],
  file: string,
  internal: InternalNames,
  list: ProblemList,
): void {
  for (const source of sources) {
    for (const field of ['title', 'author', 'outlet', 'dateNote', 'kind'] as const)
      list.readerFacing(internal, file, source.id, field, source[field]);
    source.notByAuthor?.forEach((passage, i) =>
      list.readerFacing(internal, file, source.id, `notByAuthor.${i}.credit`, passage.credit),
    );
  }
  const dated = sources.filter((s) => s.date !== null);
  dated.forEach((source, i) => {
    const previous = dated[i - 1];
    if (previous && previous.date! > source.date!) {
      list.error(
        file,
        source.id,
        'date',
        `sources must be listed oldest first, but "${previous.id}" (${previous.date}) comes before it`,
      );
    }
  });
}

/** The entries that parse, with the file they came from, in file then document order. */
function parseEntries(inputs: SeedInputs, list: ProblemList): Located[] {
  const entries: Located[] = [];
  for (const { file, data } of inputs.entryFiles) {
    list.listOf(file, data).forEach((raw, index) => {
      const parsed = entrySchema.safeParse(raw);
      if (!parsed.success) return list.problems.push(...issuesToProblems(file, idOf(raw, index), parsed.error.issues));
      entries.push({ file, entry: parsed.data });
    });
  }
  return entries;
}

/** What checking one entry needs; `formOwners` (each folded form's entry) fills as entries are checked. */
interface EntryChecks {
  readonly sources: readonly AuthoredSource[];
  readonly texts: SeedInputs['texts'];
  readonly internal: InternalNames;
  readonly formOwners: Map<string, string>;
  /** Every seed file's text, folded: where an alias must occur. */
  readonly corpus: readonly string[];
  /** How each source may be named in a summary (see chineseSummaryProblem). */
  readonly names: readonly SourceName[];
}

/** One entry's own checks: what readers see, its forms, excerpts, figure and roles. */
function checkEntry({ file, entry }: Located, checks: EntryChecks, list: ProblemList): void {
  list.readerFacing(checks.internal, file, entry.id, 'label', entry.label);
  list.readerFacing(checks.internal, file, entry.id, 'summary', entry.summary);
  list.readerFacing(checks.internal, file, entry.id, 'summaryZh', entry.summaryZh);
  const chinese = chineseSummaryProblem(entry.summary, entry.summaryZh, checks.names);
  if (chinese) list.error(file, entry.id, 'summaryZh', chinese);
  if (entry.category === 'person')
    entry.roles.forEach((role, i) =>
      list.readerFacing(checks.internal, file, entry.id, `roles.${i}.title`, role.title),
    );
  checkForms({ file, entry }, checks, list);
  entry.excerpts.forEach((excerpt, i) => {
    const source = checks.sources.find((s) => s.id === excerpt.source);
    if (!source) return list.error(file, entry.id, `excerpts.${i}.source`, `unknown source "${excerpt.source}"`);
    if (!checks.texts[source.file]!.includes(excerpt.text)) {
      list.error(file, entry.id, `excerpts.${i}.text`, `not a verbatim excerpt of ${source.file}`);
    }
  });
  if (entry.category === 'figure') {
    const problem = figureEntryProblem(entry);
    if (problem) list.error(file, entry.id, 'noun', problem);
  }
  if (entry.category === 'person') {
    entry.roles.forEach((role, i) => {
      if (!checks.sources.some((s) => s.id === role.source))
        list.error(file, entry.id, `roles.${i}.source`, `unknown source "${role.source}"`);
    });
  }
}

/** The label and aliases: no form another entry claims, and every alias found somewhere in the corpus. */
function checkForms({ file, entry }: Located, { formOwners, corpus }: EntryChecks, list: ProblemList): void {
  const forms = [entry.label, ...entry.aliases.map((a) => (typeof a === 'string' ? a : a.text))];
  forms.forEach((form, i) => {
    const key = foldForm(form);
    const field = i === 0 ? 'label' : `aliases.${i - 1}`;
    const owner = formOwners.get(key);
    if (owner !== undefined && owner !== entry.id) {
      list.error(file, entry.id, field, `"${form}" is already claimed by entry "${owner}"`);
    }
    formOwners.set(key, entry.id);
    if (i > 0 && entry.category !== 'figure' && !corpus.some((text) => text.includes(key))) {
      list.warning(file, entry.id, field, `"${form}" occurs nowhere in the corpus`);
    }
  });
}

/** What an entry names among the others: related entries, and the figures a ratio relates. */
function checkReferences({ file, entry }: Located, byId: ReadonlyMap<string, Located>, list: ProblemList): void {
  entry.related.forEach((related, i) => {
    if (!byId.has(related)) list.error(file, entry.id, `related.${i}`, `unknown entry "${related}"`);
    if (related === entry.id) list.error(file, entry.id, `related.${i}`, 'an entry cannot relate to itself');
  });
  if (entry.category === 'figure' && entry.derive) {
    entry.derive.ratio.forEach((other, i) => {
      if (byId.get(other)?.entry.category !== 'figure') {
        list.error(file, entry.id, `derive.ratio.${i}`, `"${other}" is not a figure entry`);
      }
    });
  }
}
