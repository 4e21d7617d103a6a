import {
  cueForms,
  findLinkedFigures,
  type FigureClaim,
  type FigureLink,
  type FigureLinker,
  type LinkedBy,
} from '../figures/linker';
import { judgeFigure, type FigureVerdict } from '../figures/verdict';
import { PAGE_TEXT, sentenceAround } from '../text/excerpt';
import { sentenceKey } from '../text/sentence-key';
import {
  automatonData,
  findFormMatches,
  loadAutomaton,
  selectLeftmostLongest,
  type AutomatonData,
  type FormAutomaton,
} from '../text/automaton';
import {
  createTermMatcher,
  loadTermMatcher,
  selectTerms,
  termOwnersData,
  type TermMatcher,
  type TermOwnersData,
} from './term-matcher';
import type { EntryRef, IndexedEntry, IndexedFigure, KbIndex } from '../kb/types';

/**
 * The page matcher: terms and linked figures in a page's text, in one read of one automaton, with
 * each figure's verdict; compiled at build time and loaded by the background (page-matcher-data.ts).
 */

/** A number on the page that speaks of a figure claim, and how it compares with the sources. */
export interface PageFigure {
  readonly text: string;
  readonly value: number;
  /** Null when no statement can be compared, or when the number could belong to another claim too. */
  readonly verdict: FigureVerdict | null;
  /** Whether the number's own sentence names the whole claim, or the sentence before had to help. */
  readonly linkedBy: LinkedBy;
  /** Labels of other claims the sentence before fits as well: the number then gets no verdict. */
  readonly alsoFits: readonly string[];
  /**
   * The source whose own statement this sentence is, when no other source states the figure (the
   * page is that article, or copies its sentence): the number then gets no verdict.
   */
  readonly statedBy: string | null;
}

export interface PageMatch {
  readonly start: number;
  readonly end: number;
  readonly entry: EntryRef;
  /** Set for figures: the page's own value and its verdict. */
  readonly figure: PageFigure | null;
}

/**
 * Everything the page needs to find what the knowledge base knows: terms and figure claims. One
 * automaton holds the term forms, then the cue forms: the page's text is read once for both.
 */
export interface PageMatcher {
  readonly terms: TermMatcher;
  readonly figures: FigureLinker;
  /**
   * The reader's tracked terms (see lib/my-sources), compiled as the matcher loads into an
   * automaton of their own, read in the same pass; null when there are none. `selection` is the knowledge base's
   * term matcher with their owners after its own: the candidates of both are chosen among together.
   */
  readonly tracked: { readonly automaton: FormAutomaton; readonly selection: TermMatcher } | null;
  readonly figureEntries: ReadonlyMap<string, { readonly entry: EntryRef; readonly claim: IndexedFigure }>;
}

/**
 * The page matcher compiled at build time (`npm run kb` writes it): the background loads it and
 * compiles nothing but the tracked terms. Its entries have no forms: the automaton holds them.
 */
export interface PrecompiledPageMatcher {
  readonly entries: readonly EntryRef[];
  readonly figures: readonly IndexedFigure[];
  readonly automaton: AutomatonData;
  readonly terms: TermOwnersData;
}

/** Compiles the page matcher for `index` (small knowledge bases in tests; the build precompiles). */
export function createPageMatcher(index: KbIndex, tracked: readonly IndexedEntry[] = []): PageMatcher {
  return loadPageMatcher(precompilePageMatcher(index), tracked);
}

/** The automaton a page reads: every term form, then every figure cue form. */
export function pageAutomatonData(entries: readonly IndexedEntry[], claims: readonly FigureClaim[]): AutomatonData {
  return automatonData([...entries.flatMap((entry) => entry.forms), ...cueForms(claims).forms]);
}

/** The page matcher for `index` as data; `automaton` is its pageAutomatonData when the caller has it. */
export function precompilePageMatcher(
  index: KbIndex,
  automaton: AutomatonData = pageAutomatonData(index.entries, index.figures),
): PrecompiledPageMatcher {
  const entries = index.entries.map(({ id, category }) => ({ id, category }));
  return { entries, figures: index.figures, automaton, terms: termOwnersData(index.entries) };
}

/** The page matcher from the build's data, with the reader's `tracked` terms compiled beside it. */
export function loadPageMatcher(data: PrecompiledPageMatcher, tracked: readonly IndexedEntry[] = []): PageMatcher {
  const figureEntries = new Map(
    data.figures.map((claim) => [claim.id, { entry: { id: claim.id, category: 'figure' as const }, claim }]),
  );
  const automaton = loadAutomaton(data.automaton);
  const terms = loadTermMatcher(data.entries, data.terms, automaton);
  const figures = { claims: data.figures, ...cueForms(data.figures), automaton, firstCue: terms.owners.length };
  const trackedTerms = tracked.length > 0 ? createTermMatcher(tracked) : null;
  return {
    terms,
    figures,
    figureEntries,
    tracked: trackedTerms && {
      automaton: trackedTerms.automaton,
      selection: { automaton, owners: [...terms.owners, ...trackedTerms.owners] },
    },
  };
}

/**
 * What a page says of a number the linker tied to a claim in `text`: its verdict, or why it has
 * none. The highlight's card and "Check this figure" both show this, so they say the same.
 * `claimOf` gives a claim's indexed figure by id.
 */
export function judgeLinkedFigure(
  claimOf: (id: string) => IndexedFigure,
  text: string,
  { figure, claim, linkedBy, alsoFits }: FigureLink,
): PageFigure {
  const indexed = claimOf(claim.id);
  const others = alsoFits.map((other) => claimOf(other.id).label);
  // A source's statement is not checked against itself: on its own article (or a verbatim copy)
  // the number is judged by the other sources alone, and with none it gets no verdict.
  const key = sentenceKey(text.slice(...sentenceAround(text, figure.start, figure.end, PAGE_TEXT)));
  const elsewhere = indexed.stated.filter((stated) => !(stated.sentenceKeys?.includes(key) ?? false));
  const statedHere = indexed.stated.length > 0 && elsewhere.length === 0;
  const verdict = others.length === 0 && !statedHere ? judgeFigure(figure, elsewhere) : null;
  return {
    text: figure.text,
    value: figure.value,
    verdict,
    linkedBy,
    alsoFits: others,
    statedBy: statedHere ? indexed.stated[0]!.source : null,
  };
}

export interface PageMatchOptions {
  /**
   * Whether the reader's tracked terms take part: without them the matches are the knowledge
   * base's alone, exactly as a matcher loaded without tracked terms finds them.
   */
  readonly withTracked?: boolean;
  /** Runs the figures' part, so that a caller can time it apart from the terms'. */
  readonly timeFigures?: <T>(work: () => T) => T;
}

/**
 * Terms and linked figures in `text`, leftmost-longest and never overlapping (a figure such as
 * "Twenty-three Democratic attorneys general" wins over a term inside it). `namedInFull` is the
 * term matcher's memory of full names, kept across passes.
 */
export function matchPage(
  matcher: PageMatcher,
  text: string,
  namedInFull: Set<string>,
  { withTracked = false, timeFigures = (work) => work() }: PageMatchOptions = {},
): PageMatch[] {
  const termForms = matcher.terms.owners.length;
  const all = findFormMatches(matcher.terms.automaton, text);
  const cues = all.filter((m) => m.form >= termForms).map((m) => ({ ...m, form: m.form - termForms }));
  const candidates = all.filter((m) => m.form < termForms);
  const tracked = withTracked ? matcher.tracked : null;
  if (tracked) {
    for (const m of findFormMatches(tracked.automaton, text)) candidates.push({ ...m, form: m.form + termForms });
  }
  const terms: PageMatch[] = selectTerms(tracked?.selection ?? matcher.terms, candidates, namedInFull, text).map(
    (m) => ({ ...m, figure: null }),
  );
  const figures: PageMatch[] = timeFigures(() =>
    findLinkedFigures(
      matcher.figures,
      text,
      (start, end) => sentenceAround(text, start, end, PAGE_TEXT),
      cues,
      PAGE_TEXT,
    ).map((link) => {
      const { entry } = matcher.figureEntries.get(link.claim.id)!;
      const figure = judgeLinkedFigure((id) => matcher.figureEntries.get(id)!.claim, text, link);
      return { start: link.figure.start, end: link.figure.end, entry, figure };
    }),
  );
  return figures.length === 0 ? terms : selectLeftmostLongest([...terms, ...figures]);
}
