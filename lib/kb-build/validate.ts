import type { z } from 'zod';
import { foldForm } from '../text/fold';
import { mainScript } from '../text/scripts';
import { findInternalName, internalNames, namedSources, sourceNames, type SourceName } from './reader-text';
import { entrySchema, sourceSchema, type AuthoredEntry, type AuthoredFigure, type AuthoredSource } from './schema';

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

function listOf(file: string, data: unknown, problems: KbProblem[]): unknown[] {
  if (Array.isArray(data)) return data;
  problems.push({ severity: 'error', file, entry: null, field: null, message: 'must be a YAML list' });
  return [];
}

/** Parses and cross-checks the seeds. Errors stop the build; warnings are printed. */
export function validateSeeds(inputs: SeedInputs): ValidatedSeeds {
  const problems: KbProblem[] = [];
  const error = (file: string, entry: string | null, field: string | null, message: string) =>
    problems.push({ severity: 'error', file, entry, field, message });

  const sourcesFile = inputs.sources.file;
  const sources: AuthoredSource[] = [];
  listOf(sourcesFile, inputs.sources.data, problems).forEach((raw, index) => {
    const parsed = sourceSchema.safeParse(raw);
    if (!parsed.success) return problems.push(...issuesToProblems(sourcesFile, idOf(raw, index), parsed.error.issues));
    const source = parsed.data;
    if (sources.some((s) => s.id === source.id)) return error(sourcesFile, source.id, 'id', 'duplicate source id');
    const text = inputs.texts[source.file];
    if (text === undefined) return error(sourcesFile, source.id, 'file', `no file "${source.file}" in seeds/`);
    source.notArticle?.forEach((passage, i) => {
      if (!text.includes(passage))
        error(sourcesFile, source.id, `notArticle.${i}`, 'not a verbatim passage of the file');
    });
    source.notByAuthor?.forEach((passage, i) => {
      if (!text.includes(passage.text))
        error(sourcesFile, source.id, `notByAuthor.${i}.text`, 'not a verbatim passage of the file');
    });
    sources.push(source);
  });
  // Readers see titles, outlets and authors: a file name, file number or bare id in text meant
  // for them is a mistake.
  const internal = internalNames(sources);
  const readerFacing = (file: string, entry: string, field: string, text: string | null | undefined) => {
    const name = text ? findInternalName(text, internal) : null;
    if (name) error(file, entry, field, `names a source as "${name}": readers see titles, outlets and authors`);
  };
  for (const source of sources) {
    for (const field of ['title', 'author', 'outlet', 'dateNote', 'kind'] as const)
      readerFacing(sourcesFile, source.id, field, source[field]);
    source.notByAuthor?.forEach((passage, i) =>
      readerFacing(sourcesFile, source.id, `notByAuthor.${i}.credit`, passage.credit),
    );
  }
  const sourceIds = new Set(sources.map((s) => s.id));
  const names = sourceNames(sources);
  // Quotation detection takes the earlier of two sources as the original: the order must be real.
  const dated = sources.filter((s) => s.date !== null);
  dated.forEach((source, i) => {
    const previous = dated[i - 1];
    if (previous && previous.date! > source.date!) {
      error(
        sourcesFile,
        source.id,
        'date',
        `sources must be listed oldest first, but "${previous.id}" (${previous.date}) comes before it`,
      );
    }
  });

  const entries: { file: string; entry: AuthoredEntry }[] = [];
  for (const { file, data } of inputs.entryFiles) {
    listOf(file, data, problems).forEach((raw, index) => {
      const parsed = entrySchema.safeParse(raw);
      if (!parsed.success) return problems.push(...issuesToProblems(file, idOf(raw, index), parsed.error.issues));
      entries.push({ file, entry: parsed.data });
    });
  }

  const byId = new Map<string, { file: string; entry: AuthoredEntry }>();
  const formOwners = new Map<string, string>();
  const corpus = Object.values(inputs.texts).map((text) => foldForm(text));
  for (const item of entries) {
    const { file, entry } = item;
    if (byId.has(entry.id)) {
      error(file, entry.id, 'id', `duplicate id (also in ${byId.get(entry.id)!.file})`);
      continue;
    }
    byId.set(entry.id, item);
    readerFacing(file, entry.id, 'label', entry.label);
    readerFacing(file, entry.id, 'summary', entry.summary);
    readerFacing(file, entry.id, 'summaryZh', entry.summaryZh);
    const chinese = chineseSummaryProblem(entry.summary, entry.summaryZh, names);
    if (chinese) error(file, entry.id, 'summaryZh', chinese);
    if (entry.category === 'person')
      entry.roles.forEach((role, i) => readerFacing(file, entry.id, `roles.${i}.title`, role.title));
    const forms = [entry.label, ...entry.aliases.map((a) => (typeof a === 'string' ? a : a.text))];
    forms.forEach((form, i) => {
      const key = foldForm(form);
      const field = i === 0 ? 'label' : `aliases.${i - 1}`;
      const owner = formOwners.get(key);
      if (owner !== undefined && owner !== entry.id) {
        error(file, entry.id, field, `"${form}" is already claimed by entry "${owner}"`);
      }
      formOwners.set(key, entry.id);
      if (i > 0 && entry.category !== 'figure' && !corpus.some((text) => text.includes(key))) {
        problems.push({
          severity: 'warning',
          file,
          entry: entry.id,
          field,
          message: `"${form}" occurs nowhere in the corpus`,
        });
      }
    });
    entry.excerpts.forEach((excerpt, i) => {
      const source = sources.find((s) => s.id === excerpt.source);
      if (!source) return error(file, entry.id, `excerpts.${i}.source`, `unknown source "${excerpt.source}"`);
      if (!inputs.texts[source.file]!.includes(excerpt.text)) {
        error(file, entry.id, `excerpts.${i}.text`, `not a verbatim excerpt of ${source.file}`);
      }
    });
    if (entry.category === 'figure') {
      const problem = figureEntryProblem(entry);
      if (problem) error(file, entry.id, 'noun', problem);
    }
    if (entry.category === 'person') {
      entry.roles.forEach((role, i) => {
        if (!sourceIds.has(role.source)) error(file, entry.id, `roles.${i}.source`, `unknown source "${role.source}"`);
      });
    }
  }
  for (const { file, entry } of entries) {
    entry.related.forEach((related, i) => {
      if (!byId.has(related)) error(file, entry.id, `related.${i}`, `unknown entry "${related}"`);
      if (related === entry.id) error(file, entry.id, `related.${i}`, 'an entry cannot relate to itself');
    });
    if (entry.category === 'figure' && entry.derive) {
      entry.derive.ratio.forEach((other, i) => {
        if (byId.get(other)?.entry.category !== 'figure') {
          error(file, entry.id, `derive.ratio.${i}`, `"${other}" is not a figure entry`);
        }
      });
    }
  }
  return { sources, entries, problems };
}
