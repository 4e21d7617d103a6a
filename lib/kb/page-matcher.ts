import {
  createFigureLinker,
  findLinkedFigures,
  type FigureLink,
  type FigureLinker,
  type LinkedBy,
} from '../figures/linker';
import { judgeFigure, type FigureVerdict } from '../figures/verdict';
import { sentenceAround } from './excerpt';
import { sentenceKey } from './sentence-key';
import { BARRIER } from '../matching/fold';
import { compileForms, findFormMatches, selectLeftmostLongest, type FormAutomaton } from '../matching/automaton';
import { createTermMatcher, selectTerms, type TermMatcher } from './term-matcher';
import type { IndexedEntry, IndexedFigure, KbIndex } from './types';

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
   * The source whose own statement this sentence is, when it is the only source stating the figure
   * (the page is that article, or copies its sentence): the number then gets no verdict.
   */
  readonly statedBy: string | null;
}

export interface PageMatch {
  readonly start: number;
  readonly end: number;
  readonly entry: IndexedEntry;
  /** Set for figures: the page's own value and its verdict. */
  readonly figure: PageFigure | null;
}

/** Everything the page needs to find what the knowledge base knows: terms and figure claims. */
export interface PageMatcher {
  readonly terms: TermMatcher;
  readonly figures: FigureLinker;
  /** Term forms then cue forms in one automaton: the page's text is read once for both. */
  readonly combined: FormAutomaton;
  readonly figureEntries: ReadonlyMap<string, { readonly entry: IndexedEntry; readonly claim: IndexedFigure }>;
}

/** `tracked`: the reader's tracked terms, matched in the same pass as the knowledge base's. */
export function createPageMatcher(index: KbIndex, tracked: readonly IndexedEntry[] = []): PageMatcher {
  const figureEntries = new Map(
    index.figures.map((claim) => [
      claim.id,
      { entry: { id: claim.id, category: 'figure' as const, label: claim.label, forms: [] }, claim },
    ]),
  );
  const terms = createTermMatcher([...index.entries, ...tracked]);
  const figures = createFigureLinker(index.figures);
  const combined = compileForms([...terms.owners.map(({ form }) => form), ...figures.forms]);
  return { terms, figures, combined, figureEntries };
}

function pageFigure(matcher: PageMatcher, text: string, { figure, claim, linkedBy, alsoFits }: FigureLink): PageFigure {
  const { claim: indexed } = matcher.figureEntries.get(claim.id)!;
  const others = alsoFits.map((other) => matcher.figureEntries.get(other.id)!.claim.label);
  // The page's sentence is the only source's own statement (the article itself, or a verbatim copy):
  // nothing independent to check it against.
  const key = sentenceKey(text.slice(...sentenceAround(text, figure.start, figure.end, false)));
  const statedHere =
    indexed.stated.length > 0 && indexed.stated.every((stated) => stated.sentenceKeys?.includes(key) ?? false);
  const verdict = others.length === 0 && !statedHere ? judgeFigure(figure, indexed.stated) : null;
  return {
    text: figure.text,
    value: figure.value,
    verdict,
    linkedBy,
    alsoFits: others,
    statedBy: statedHere ? indexed.stated[0]!.source : null,
  };
}

/**
 * Terms and linked figures in `text`, leftmost-longest and never overlapping (a figure such as
 * "Twenty-three Democratic attorneys general" wins over a term inside it). `namedInFull` is the
 * term matcher's memory of full names, kept across passes.
 */
export function matchPage(matcher: PageMatcher, text: string, namedInFull: Set<string>): PageMatch[] {
  const termForms = matcher.terms.owners.length;
  const all = findFormMatches(matcher.combined, text);
  const cues = all.filter((m) => m.form >= termForms).map((m) => ({ ...m, form: m.form - termForms }));
  const terms: PageMatch[] = selectTerms(
    matcher.terms,
    all.filter((m) => m.form < termForms),
    namedInFull,
    text,
  ).map((m) => ({ ...m, figure: null }));
  const figures: PageMatch[] = findLinkedFigures(
    matcher.figures,
    text,
    (start, end) => sentenceAround(text, start, end, false),
    cues,
    { linesAreParagraphs: false },
  ).map((link) => {
    const { entry } = matcher.figureEntries.get(link.claim.id)!;
    return { start: link.figure.start, end: link.figure.end, entry, figure: pageFigure(matcher, text, link) };
  });
  return figures.length === 0 ? terms : selectLeftmostLongest([...terms, ...figures]);
}

/**
 * Splits `text` into [from, to) windows of at least `size` units that end just after a BARRIER
 * (or at the text's end). No match or sentence crosses a BARRIER, so matching the windows in order
 * with the same `namedInFull` finds what matching the whole text at once does, and a long page can
 * be matched a window at a time, yielding in between.
 */
export function matchWindows(text: string, size: number): [number, number][] {
  const windows: [number, number][] = [];
  for (let from = 0; from < text.length;) {
    const barrier = text.indexOf(BARRIER, from + size - 1);
    const to = barrier === -1 ? text.length : barrier + 1;
    windows.push([from, to]);
    from = to;
  }
  return windows;
}
