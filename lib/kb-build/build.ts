import { isAcronym } from '../text/acronym';
import { BARRIER } from '../text/fold';
import { compareFigures, intersects, intervalOf, ratioInterval } from '../figures/compare';
import {
  claimUnit,
  createFigureLinker,
  findLinkedFigures,
  type FigureClaim,
  type FigureLinker,
} from '../figures/linker';
import { figureReading } from '../figures/number-parser';
import { loadAutomaton } from '../text/automaton';
import { mainScript } from '../text/scripts';
import { pageAutomatonData, precompilePageMatcher, type PrecompiledPageMatcher } from '../matching/page-matcher';
import { deriveForms, type Derivation } from './derive';
import { excerptAround, isSentenceExcerpt, sentenceAround } from '../text/excerpt';
import { findReproducedPassages, type ReproducedPassage } from '../text/quotation';
import type { AuthoredAlias, AuthoredEntry, AuthoredFigure, AuthoredSource } from './schema';
import { createTermMatcher, matchTerms, type TermMatcher } from '../matching/term-matcher';
import type { StatedValue } from '../figures/verdict';
import { isOwnWords } from '../kb/own-words';
import { sentenceKey } from '../text/sentence-key';
import type {
  DerivedCheck,
  EntryDetails,
  Excerpt,
  FigureFacts,
  FigureStatement,
  FigureStatus,
  IndexedEntry,
  IndexedFigure,
  IndexedForm,
  KbDetails,
  KbIndex,
  SourceRecord,
} from '../kb/types';
import { validateSeeds, type KbProblem, type SeedInputs, type ValidatedSeeds } from './validate';

/**
 * Builds the knowledge base from validated seeds: the index with derived forms, the page matcher
 * the background loads, each entry's card (excerpts, agreement, figure facts) and the sources' texts.
 */

/** Most excerpts kept per entry and source: enough to show how a source uses a term. */
export const EXCERPTS_PER_SOURCE = 3;

export interface BuiltKnowledgeBase {
  readonly index: KbIndex;
  /** What the background loads to match pages: their automaton, compiled here. */
  readonly pageMatcher: PrecompiledPageMatcher;
  readonly details: KbDetails;
  /** The derived forms added to the index, and those dropped as ambiguous (see derive.ts). */
  readonly derived: Derivation;
  /**
   * Each source's file text, in the manifest's (chronological) order: the background compares the
   * reader's saved articles with them, to find passages reproduced from a bundled source.
   */
  readonly sourceTexts: readonly { readonly id: string; readonly text: string }[];
}

export interface KbBuildResult {
  /** Null when any problem is an error. */
  readonly kb: BuiltKnowledgeBase | null;
  readonly problems: readonly KbProblem[];
}

function toIndexedForm(alias: AuthoredAlias): IndexedForm {
  const { text, caseSensitive, shortForm } = typeof alias === 'string' ? { text: alias } : alias;
  return { text, caseSensitive: caseSensitive ?? isAcronym(text), shortForm: shortForm ?? false };
}

function indexEntry(entry: AuthoredEntry): IndexedEntry {
  const forms: IndexedForm[] = [];
  if (entry.category !== 'figure') {
    for (const form of [toIndexedForm(entry.label), ...entry.aliases.map(toIndexedForm)]) {
      if (!forms.some((f) => f.text === form.text)) forms.push(form);
    }
  }
  return { id: entry.id, category: entry.category, label: entry.label, forms };
}

function toSourceRecord(source: AuthoredSource): SourceRecord {
  return {
    id: source.id,
    file: source.file,
    title: source.title,
    author: source.author,
    outlet: source.outlet,
    date: source.date,
    dateNote: source.dateNote ?? null,
    url: source.url,
    language: source.language,
    kind: source.kind ?? null,
  };
}

/** The text with every `notArticle` passage blanked out, offsets unchanged. */
export function articleText(text: string, notArticle: readonly string[] = []): string {
  let result = text;
  for (const passage of notArticle) {
    for (const at of occurrences(result, passage)) {
      result = result.slice(0, at) + BARRIER.repeat(passage.length) + result.slice(at + passage.length);
    }
  }
  return result;
}

/** Where `passage` stands in `text`, every time, without overlaps. */
function occurrences(text: string, passage: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(passage); at !== -1; at = text.indexOf(passage, at + passage.length)) found.push(at);
  return found;
}

/** The excerpt's language: Chinese where most of its letters are Chinese characters, else its source's language. */
export function excerptLanguage(text: string, sourceLanguage: string): string {
  return mainScript(text) === 'han' ? 'zh' : sourceLanguage;
}

interface Mention {
  readonly source: string;
  readonly start: number;
  readonly end: number;
}

function passageAt<T extends { readonly start: number; readonly end: number }>(
  passages: readonly T[],
  start: number,
  end: number,
): T | undefined {
  return passages.find((p) => p.start <= start && end <= p.end);
}

/** A passage of a source file that someone other than its author wrote, and who readers are told wrote it. */
interface CreditedPassage {
  readonly start: number;
  readonly end: number;
  readonly credit: string;
}

/** Where each source's `notByAuthor` passages lie in its file. */
function creditedPassages(sources: readonly AuthoredSource[], texts: ReadonlyMap<string, string>) {
  return new Map(
    sources.map((source) => {
      const text = texts.get(source.id)!;
      const passages: CreditedPassage[] = [];
      for (const { text: passage, credit } of source.notByAuthor ?? []) {
        for (const at of occurrences(text, passage)) passages.push({ start: at, end: at + passage.length, credit });
      }
      return [source.id, passages];
    }),
  );
}

/** Who wrote the span, when it is not the source's author; null for the author's own words. */
type CreditAt = (source: string, start: number, end: number) => string | null;

/** The sources as the build reads them: each file's text, and what is known of its passages. */
interface Corpus {
  readonly sources: readonly AuthoredSource[];
  /** Each source's file text: excerpts quote it. */
  readonly texts: ReadonlyMap<string, string>;
  /** Each source's article text (its `notArticle` passages blanked): mentions and sentence edges are found there. */
  readonly articleTexts: ReadonlyMap<string, string>;
  readonly languages: ReadonlyMap<string, string>;
  /** Passages a source reproduces from an earlier one. */
  readonly reproduced: ReadonlyMap<string, readonly ReproducedPassage[]>;
  readonly creditAt: CreditAt;
  /** The sources' ids in the manifest's (chronological) order. */
  readonly order: readonly string[];
}

function readCorpus(sources: readonly AuthoredSource[], files: SeedInputs['texts']): Corpus {
  const texts = new Map(sources.map((s) => [s.id, files[s.file]!]));
  const credited = creditedPassages(sources, texts);
  return {
    sources,
    texts,
    articleTexts: new Map(sources.map((s) => [s.id, articleText(texts.get(s.id)!, s.notArticle)])),
    languages: new Map(sources.map((s) => [s.id, s.language])),
    reproduced: findReproducedPassages(sources.map((s) => ({ id: s.id, text: texts.get(s.id)! }))),
    creditAt: (source, start, end) => passageAt(credited.get(source) ?? [], start, end)?.credit ?? null,
    order: sources.map((s) => s.id),
  };
}

/** Validates `seeds/` and, when it holds no error, builds the index and the card details. */
export function buildKnowledgeBase(inputs: SeedInputs): KbBuildResult {
  const { sources, entries, problems } = validateSeeds(inputs);
  if (problems.some((p) => p.severity === 'error')) return { kb: null, problems };

  const sortedEntries = entries.map((e) => e.entry).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const corpus = readCorpus(sources, inputs.texts);
  const { indexed, derived } = indexWithDerivedForms(sortedEntries, corpus);
  // The build finds mentions with the automaton it writes for the page, as the page will load it.
  const figureEntries = sortedEntries.filter((e): e is AuthoredFigure => e.category === 'figure');
  const claims: FigureClaim[] = figureEntries.map((f) => ({ id: f.id, unit: claimUnit(f.unit, f.noun), cues: f.cues }));
  const automaton = pageAutomatonData(indexed, claims);
  const pageAutomaton = loadAutomaton(automaton);
  const matcher = createTermMatcher(indexed, pageAutomaton);
  const mentions = findMentions(matcher, corpus);

  const linker = createFigureLinker(claims, pageAutomaton, matcher.owners.length);
  const { statements, sentenceKeys } = findStatements(linker, corpus);
  const indexedFigures: IndexedFigure[] = figureEntries.map((f, i) => ({
    ...claims[i]!,
    label: f.label,
    asOf: f.asOf,
    stated: independentValues(statements.get(f.id) ?? [], sentenceKeys),
  }));
  for (const [id, list] of statements)
    mentions.set(
      id,
      list.map(({ source, start, end }) => ({ source, start, end })),
    );

  const labels = new Map(indexed.map((e) => [e.id, e]));
  const details: Record<string, EntryDetails> = {};
  for (const entry of sortedEntries) {
    details[entry.id] = entryDetails(entry, mentions.get(entry.id) ?? [], { corpus, labels, statements });
  }
  const index: KbIndex = {
    entries: indexed.filter((e) => e.forms.length > 0),
    figures: indexedFigures,
    sourceCount: sources.length,
  };
  return {
    kb: {
      index,
      pageMatcher: precompilePageMatcher(index, automaton),
      details: { sources: sources.map(toSourceRecord), entries: details },
      derived,
      sourceTexts: sources.map((s) => ({ id: s.id, text: corpus.texts.get(s.id)! })),
    },
    problems: [...problems, ...unstatedFigures(figureEntries, statements, entries)],
  };
}

/** The entries' authored forms and, joining them, the forms derived from them (see derive.ts). */
function indexWithDerivedForms(
  sortedEntries: readonly AuthoredEntry[],
  corpus: Corpus,
): { indexed: IndexedEntry[]; derived: Derivation } {
  const authoredIndex = sortedEntries.map(indexEntry);
  const derived = deriveForms(
    sortedEntries,
    authoredIndex,
    corpus.sources.map((s) => corpus.articleTexts.get(s.id)!),
  );
  // Derived forms join the index: the build finds mentions with them and the page does too.
  const indexed = authoredIndex.map((entry) => {
    const extra = derived.forms.filter((f) => f.entry === entry.id);
    if (extra.length === 0) return entry;
    const forms = extra.map((f): IndexedForm => ({ text: f.text, caseSensitive: isAcronym(f.text), shortForm: false }));
    return { ...entry, forms: [...entry.forms, ...forms] };
  });
  return { indexed, derived };
}

/** Every term's mentions in the sources' article texts, by entry. */
function findMentions(matcher: TermMatcher, corpus: Corpus): Map<string, Mention[]> {
  const mentions = new Map<string, Mention[]>();
  for (const source of corpus.sources) {
    for (const match of matchTerms(matcher, corpus.articleTexts.get(source.id)!, new Set())) {
      const list = mentions.get(match.entry.id) ?? [];
      list.push({ source: source.id, start: match.start, end: match.end });
      mentions.set(match.entry.id, list);
    }
  }
  return mentions;
}

/** A warning for each figure no source states in a sentence that names every cue group. */
function unstatedFigures(
  figureEntries: readonly AuthoredFigure[],
  statements: ReadonlyMap<string, readonly FigureStatement[]>,
  entries: ValidatedSeeds['entries'],
): KbProblem[] {
  return figureEntries
    .filter((f) => !statements.has(f.id))
    .map((f) => ({
      severity: 'warning',
      file: entries.find((e) => e.entry.id === f.id)!.file,
      entry: f.id,
      field: 'cues',
      message: 'no source states this figure in a sentence that names every cue group',
    }));
}

/** What the build knows when it writes an entry's card. */
interface DetailsContext {
  readonly corpus: Corpus;
  readonly labels: ReadonlyMap<string, IndexedEntry>;
  readonly statements: ReadonlyMap<string, readonly FigureStatement[]>;
}

/** An entry's card: its excerpts (found and authored), the sources that agree, its figure's facts. */
function entryDetails(
  entry: AuthoredEntry,
  found: readonly Mention[],
  { corpus, labels, statements }: DetailsContext,
): EntryDetails {
  const fromMentions = excerptsFor(found, corpus);
  const excerpts = [...fromMentions, ...authoredExcerpts(entry, corpus, fromMentions)];
  const { order } = corpus;
  excerpts.sort((a, b) => order.indexOf(a.source) - order.indexOf(b.source) || a.start - b.start);
  return {
    id: entry.id,
    category: entry.category,
    label: entry.label,
    summary: entry.summary.trim(),
    summaryZh: entry.summaryZh.trim(),
    related: entry.related.map((id) => {
      const related = labels.get(id)!;
      return { id, label: related.label, category: related.category };
    }),
    roles: entry.category === 'person' ? entry.roles : [],
    excerpts,
    agreement: agreement(found, excerpts, corpus),
    figure:
      entry.category === 'figure'
        ? figureFacts(entry, claimUnit(entry.unit, entry.noun), statements.get(entry.id) ?? [], statements)
        : null,
  };
}

/** The entry's authored excerpts that no excerpt of its mentions (`fromMentions`) already holds. */
function authoredExcerpts(entry: AuthoredEntry, corpus: Corpus, fromMentions: readonly Excerpt[]): Excerpt[] {
  const added: Excerpt[] = [];
  for (const authored of entry.excerpts) {
    const start = corpus.texts.get(authored.source)!.indexOf(authored.text);
    const end = start + authored.text.length;
    const held = (e: Excerpt) => e.source === authored.source && e.start <= start && end <= e.end;
    if (fromMentions.some(held) || added.some(held)) continue;
    added.push({
      source: authored.source,
      start,
      end,
      text: authored.text,
      highlights: [],
      quotes: passageAt(corpus.reproduced.get(authored.source) ?? [], start, end)?.original ?? null,
      credit: corpus.creditAt(authored.source, start, end),
      language: excerptLanguage(authored.text, corpus.languages.get(authored.source)!),
    });
  }
  return added;
}

/**
 * The sources that mention the entry, and those that do so in their own words. Agreement counts
 * every mention, not only those that made it into an excerpt; words someone else wrote into a
 * source's file (an aggregator's summary) are not that source's mention.
 */
function agreement(found: readonly Mention[], excerpts: readonly Excerpt[], corpus: Corpus): EntryDetails['agreement'] {
  const voices = [
    ...found
      .filter((m) => corpus.creditAt(m.source, m.start, m.end) === null)
      .map((m) => ({ source: m.source, quotes: passageAt(corpus.reproduced.get(m.source) ?? [], m.start, m.end) })),
    ...excerpts.filter((e) => e.credit === null),
  ];
  const mentioning = corpus.order.filter((id) => voices.some((v) => v.source === id));
  const independent = mentioning.filter((id) => voices.some((v) => v.source === id && !v.quotes));
  return { sources: mentioning, independent };
}

/** Every statement of every figure claim in the sources, found with the page's own linker. */
function findStatements(
  linker: FigureLinker,
  { sources, articleTexts, reproduced, creditAt }: Corpus,
): { statements: Map<string, FigureStatement[]>; sentenceKeys: Map<FigureStatement, string> } {
  const statements = new Map<string, FigureStatement[]>();
  const sentenceKeys = new Map<FigureStatement, string>();
  for (const source of sources) {
    const text = articleTexts.get(source.id)!;
    const links = findLinkedFigures(linker, text, (start, end) => sentenceAround(text, start, end));
    for (const { figure, claim } of links) {
      const list = statements.get(claim.id) ?? [];
      const statement: FigureStatement = {
        source: source.id,
        ...figureReading(figure),
        quotes: passageAt(reproduced.get(source.id) ?? [], figure.start, figure.end)?.original ?? null,
        credit: creditAt(source.id, figure.start, figure.end),
      };
      list.push(statement);
      sentenceKeys.set(statement, sentenceKey(text.slice(...sentenceAround(text, figure.start, figure.end))));
      statements.set(claim.id, list);
    }
  }
  return { statements, sentenceKeys };
}

/**
 * Compares the values of independent statements only: a quotation repeats, it does not confirm,
 * and another writer's summary is not the source's statement.
 */
export function figureStatus(statements: readonly FigureStatement[]): FigureStatus {
  if (statements.filter(isOwnWords).length === 0) return 'unstated';
  const independent = statements.filter(isOwnWords);
  if (new Set(independent.map((s) => s.source)).size <= 1) return 'single source';
  const consistent = independent.every((a) =>
    independent.every((b) => a === b || compareFigures(a, b)?.verdict !== 'differs'),
  );
  return consistent ? 'agrees' : 'conflicts';
}

/** One value per independent source and distinct statement: what a page's number is judged against. */
function independentValues(
  statements: readonly FigureStatement[],
  sentenceKeys: ReadonlyMap<FigureStatement, string>,
): StatedValue[] {
  const values: StatedValue[] = [];
  for (const statement of statements) {
    if (!isOwnWords(statement)) continue;
    const { source, text, value, precision, approximation, unit } = statement;
    const key = sentenceKeys.get(statement)!;
    const same = values.findIndex((v) => v.source === source && v.value === value);
    if (same === -1) {
      values.push({ source, text, value, precision, approximation, unit, sentenceKeys: [key] });
      continue;
    }
    const keys = [...new Set([...values[same]!.sentenceKeys!, key])];
    // Of two wordings of one value, keep the one in the source's main script ("$76 billion", not "760亿美元").
    const wording =
      /\p{Script=Han}/u.test(values[same]!.text) && !/\p{Script=Han}/u.test(text)
        ? { source, text, value, precision, approximation, unit }
        : values[same]!;
    values[same] = { ...wording, sentenceKeys: keys };
  }
  return values;
}

function figureFacts(
  entry: AuthoredFigure,
  unit: FigureFacts['unit'],
  own: readonly FigureStatement[],
  all: ReadonlyMap<string, readonly FigureStatement[]>,
): FigureFacts {
  return {
    unit,
    asOf: entry.asOf,
    statements: own,
    status: figureStatus(own),
    ratioOf: entry.derive?.ratio ?? null,
    derived: entry.derive ? derivedCheck(own, all.get(entry.derive.ratio[0]), all.get(entry.derive.ratio[1])) : null,
  };
}

/**
 * Checks a stated ratio against the ratio of the two figures it relates, as their first
 * independent statements give them, with interval arithmetic so approximations are honoured.
 */
export function derivedCheck(
  own: readonly FigureStatement[],
  numerators: readonly FigureStatement[] | undefined,
  denominators: readonly FigureStatement[] | undefined,
): DerivedCheck | null {
  const stated = own.find(isOwnWords);
  const a = numerators?.find(isOwnWords);
  const b = denominators?.find(isOwnWords);
  if (!stated || !a || !b || b.value === 0) return null;
  const interval = ratioInterval(intervalOf(a), intervalOf(b));
  const value = a.value / b.value;
  return {
    value,
    low: interval.low,
    high: interval.high,
    inputs: [a, b],
    consistent: intersects(intervalOf(stated), interval),
    differencePct: ((value - stated.value) / stated.value) * 100,
  };
}

/**
 * One excerpt per sentence, holding every mention in it; at most EXCERPTS_PER_SOURCE per source,
 * preferring whole sentences to titles and labels, in document order.
 */
function excerptsFor(
  mentions: readonly Mention[],
  { articleTexts, languages, reproduced, creditAt }: Corpus,
): Excerpt[] {
  const candidates: Excerpt[] = [];
  for (const mention of mentions) {
    const text = articleTexts.get(mention.source)!;
    const [start, end] = excerptAround(text, mention.start, mention.end);
    const highlight = [mention.start - start, mention.end - start] as const;
    const same = candidates.findIndex((e) => e.source === mention.source && e.start === start && e.end === end);
    if (same !== -1) {
      const existing = candidates[same]!;
      candidates[same] = { ...existing, highlights: [...existing.highlights, highlight] };
      continue;
    }
    const passage = passageAt(reproduced.get(mention.source) ?? [], mention.start, mention.end);
    candidates.push({
      source: mention.source,
      start,
      end,
      text: text.slice(start, end),
      highlights: [highlight],
      quotes: passage?.original ?? null,
      credit: creditAt(mention.source, mention.start, mention.end),
      language: excerptLanguage(text.slice(start, end), languages.get(mention.source)!),
    });
  }
  const isSentence = (e: Excerpt) => isSentenceExcerpt(e.text);
  const kept = new Set<Excerpt>();
  for (const source of new Set(candidates.map((e) => e.source))) {
    // A repeated line (a title printed three times) is one excerpt.
    const own = candidates.filter(
      (e, i) => e.source === source && candidates.findIndex((o) => o.source === source && o.text === e.text) === i,
    );
    const preferred = [...own.filter(isSentence), ...own.filter((e) => !isSentence(e))];
    for (const excerpt of preferred.slice(0, EXCERPTS_PER_SOURCE)) kept.add(excerpt);
  }
  return candidates.filter((e) => kept.has(e));
}
