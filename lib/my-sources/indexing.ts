import { isAcronym } from '../text/acronym';
import { createFigureLinker, findLinkedFigures, type FigureLinker } from '../figures/linker';
import { figureReading } from '../figures/number-parser';
import { judgeFigure } from '../figures/verdict';
import { excerptAround, isSentenceExcerpt, sentenceAround } from '../text/excerpt';
import { DEFAULT_QUOTATION_OPTIONS, findReproducedPassages, readText, type ReadText } from '../text/quotation';
import { createTermMatcher, matchTerms, type TermMatcher } from '../matching/term-matcher';
import type { IndexedEntry, IndexedFigure, KbIndex } from '../kb/types';
import type {
  SavedArticle,
  SourceRef,
  StoredExcerpt,
  StoredFigureStatement,
  StoredMention,
  StoredPassage,
  TrackedTerm,
} from './types';
import { TRACKED_ID_PREFIX } from './types';

/**
 * Indexing a saved article with the knowledge base build's own modules: the term matcher, excerpts,
 * quotation detection, the figure linker with the number parser, and verdicts. Pure: the store
 * (store.ts) reads and writes the database around it.
 */

/** What indexing needs, compiled once in the background and again when the tracked terms change. */
export interface Knowledge {
  /** The knowledge base's entries and the reader's tracked terms, in one matcher (as a page's text is matched). */
  readonly matcher: TermMatcher;
  readonly linker: FigureLinker;
  readonly claims: ReadonlyMap<string, IndexedFigure>;
  /** The bundled sources' texts in the manifest's (chronological) order: a saved article may reproduce them. */
  readonly bundled: readonly { readonly id: string; readonly text: string }[];
  /** Each bundled source's fingerprints: only those sharing one with an article are compared with it. */
  readonly bundledFingerprints: ReadonlyMap<string, ReadonlySet<number>>;
}

export function createKnowledge(
  index: KbIndex,
  bundled: readonly { readonly id: string; readonly text: string }[],
  tracked: readonly IndexedEntry[],
): Knowledge {
  return {
    matcher: createTermMatcher([...index.entries, ...tracked]),
    linker: createFigureLinker(index.figures),
    claims: new Map(index.figures.map((claim) => [claim.id, claim])),
    bundled,
    bundledFingerprints: new Map(bundled.map(({ id, text }) => [id, new Set(fingerprints(readText(text)))])),
  };
}

/** A tracked term as the matcher sees it: an entry whose forms are its label and aliases. */
export function trackedEntry(term: TrackedTerm): IndexedEntry {
  const texts = [...new Set([term.label, ...term.aliases].map((text) => text.trim()).filter((text) => text !== ''))];
  return {
    id: `${TRACKED_ID_PREFIX}${term.id}`,
    category: term.category,
    label: term.label,
    forms: texts.map((text) => ({ text, caseSensitive: isAcronym(text), shortForm: false })),
  };
}

// ---------------------------------------------------------------------------------------------
// Mentions and figures

const inside = (passages: readonly StoredPassage[], start: number, end: number) =>
  passages.find((p) => p.start <= start && end <= p.end);

/**
 * Every entry the matcher finds in `text`, with one verbatim excerpt each: the first sentence naming
 * it in the article's own words (outside any reproduced passage), else the first sentence quoting
 * it, else the first mention (a title, a label).
 */
export function findMentions(
  matcher: TermMatcher,
  text: string,
  passages: readonly StoredPassage[],
): Omit<StoredMention, 'articleId'>[] {
  const spans = new Map<string, [number, number][]>();
  for (const match of matchTerms(matcher, text, new Set())) {
    const list = spans.get(match.entry.id) ?? [];
    list.push([match.start, match.end]);
    spans.set(match.entry.id, list);
  }
  return [...spans].map(([entryId, list]) => {
    const own = list.filter(([s, e]) => !inside(passages, s, e));
    // As the build does, a whole sentence before a title or a label.
    const excerpts = [...own, ...list].map(([s, e]) => excerptOf(text, s, e, list));
    return { entryId, spans: list, excerpt: excerpts.find((x) => isSentenceExcerpt(x.text)) ?? excerpts[0]! };
  });
}

function excerptOf(
  text: string,
  start: number,
  end: number,
  spans: readonly (readonly [number, number])[],
): StoredExcerpt {
  const [from, to] = excerptAround(text, start, end);
  const highlights = spans.filter(([s, e]) => from <= s && e <= to).map(([s, e]) => [s - from, e - from] as const);
  return { start: from, end: to, text: text.slice(from, to), highlights };
}

/** Every number in `text` that states a figure claim, judged against what the bundled sources state. */
export function findFigureStatements(
  knowledge: Knowledge,
  text: string,
): Omit<StoredFigureStatement, 'articleId' | 'id'>[] {
  return findLinkedFigures(knowledge.linker, text, (start, end) => sentenceAround(text, start, end)).map(
    ({ figure, claim, alsoFits }) => {
      const stated = knowledge.claims.get(claim.id)?.stated ?? [];
      // A number the sentence before could tie to two claims gets no verdict, as on a page.
      const judged = alsoFits.length === 0 ? judgeFigure(figure, stated) : null;
      return {
        claimId: claim.id,
        ...figureReading(figure),
        verdict: judged?.verdict ?? null,
      };
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Reproduced passages across the two corpora

/**
 * Hashes per window kept by winnowing: two texts sharing a run of WINNOWING_WINDOW n-grams (20
 * words) share a fingerprint for certain. Shorter passages (12 to 19 words, the least quotation
 * detection reports) are found when one of their n-grams is kept, as most are. A smaller window
 * guarantees more and costs a lookup per fingerprint on every save: five (12 words) made a save of
 * one article among 10,000 take about 150 ms in Chromium.
 */
const WINNOWING_WINDOW = 13;

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * Winnowed hashes of a text's 8-word n-grams (the minimum of every window, as in MOSS), from its
 * reading by quotation detection, which an import needs anyway. Stored in a multi-entry index, they
 * find the few saved articles worth comparing a new one with, instead of reading them all; the
 * comparison itself is quotation detection's.
 */
export function fingerprints({ keys }: Pick<ReadText, 'keys'>): number[] {
  const hashes = keys.map(fnv1a);
  const kept = new Set<number>();
  // Every full window, or the one short window of a text with fewer n-grams than that.
  const windows = hashes.length === 0 ? 0 : Math.max(hashes.length - WINNOWING_WINDOW + 1, 1);
  for (let i = 0; i < windows; i++) {
    let least = hashes[i]!;
    const end = Math.min(i + WINNOWING_WINDOW, hashes.length);
    for (let j = i + 1; j < end; j++) if (hashes[j]! < least) least = hashes[j]!;
    kept.add(least);
  }
  return [...kept];
}

/**
 * When a saved article was written, for ordering originals and copies: the date it declares, else
 * the day it was saved (it existed by then). Nothing is guessed beyond that.
 */
export function articleDate(article: Pick<SavedArticle, 'published' | 'savedAt'>): string {
  const declared = /^\d{4}-\d{2}-\d{2}/.exec(article.published ?? '')?.[0];
  return declared ?? new Date(article.savedAt).toISOString().slice(0, 10);
}

const byDate = (a: SavedArticle, b: SavedArticle) =>
  articleDate(a).localeCompare(articleDate(b)) || a.savedAt - b.savedAt || a.id! - b.id!;

export interface ComparedArticle {
  readonly article: SavedArticle;
  readonly text: string;
}

/**
 * The passages `article` reproduces from an earlier source, and the passages of later saved
 * articles that now turn out to reproduce it. Bundled sources count as earlier than anything saved;
 * saved articles are ordered by articleDate. Only the bundled sources and the `candidates` that
 * share a fingerprint with the article are compared (see fingerprints and MAX_COMPARED). `read` is
 * quotation detection's reading of a text (an import keeps the texts it compares again and again).
 */
export function reproductionsOf(
  knowledge: Knowledge,
  article: ComparedArticle,
  candidates: readonly ComparedArticle[],
  read: (text: string) => ReadText = (text) => readText(text),
): { readonly own: StoredPassage[]; readonly later: Map<number, StoredPassage[]> } {
  const saved = [article, ...candidates].sort((a, b) => byDate(a.article, b.article));
  const key = (id: number) => `saved:${id}`;
  // Most articles share nothing with the bundled sources: those are not read again for them.
  const prints = article.article.fingerprints;
  const bundled = knowledge.bundled.filter(({ id }) =>
    prints.some((p) => knowledge.bundledFingerprints.get(id)!.has(p)),
  );
  const position = saved.findIndex((c) => c.article.id === article.article.id);
  // Only the new article's passages and those of the articles after it can change: the earlier
  // ones are compared with, not read for passages of their own.
  const wanted = new Set(saved.slice(position).map(({ article: a }) => key(a.id!)));
  const passages = findReproducedPassages(
    [...bundled, ...saved.map(({ article: a, text }) => ({ id: key(a.id!), text }))],
    DEFAULT_QUOTATION_OPTIONS,
    read,
    (id) => wanted.has(id),
  );
  const refOf = (id: string): SourceRef => (id.startsWith('saved:') ? Number(id.slice(6)) : id);
  const toStored = (list: readonly { start: number; end: number; original: string }[]) =>
    list.map((p) => ({ start: p.start, end: p.end, original: refOf(p.original) }));
  const later = new Map<number, StoredPassage[]>();
  for (const { article: candidate } of saved.slice(position + 1)) {
    const fromNew = toStored(passages.get(key(candidate.id!)) ?? []).filter((p) => p.original === article.article.id);
    if (fromNew.length === 0) continue;
    // Passages found earlier against other articles stay, unless the new, earlier article now holds them.
    const kept = candidate.reproduced.filter((p) => !fromNew.some((n) => n.start < p.end && p.start < n.end));
    later.set(
      candidate.id!,
      [...kept, ...fromNew].sort((a, b) => a.start - b.start),
    );
  }
  return { own: toStored(passages.get(key(article.article.id!)) ?? []), later };
}
