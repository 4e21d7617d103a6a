/**
 * Searching the knowledge base on the options page: by words in an entry's label, summary or a
 * figure's stated text, and by a figure's value ("76 billion", "$76", "760亿" all find the figure
 * stated as "$76 billion"). Numbers are read with the project's one number parser, so a search reads
 * a figure exactly as a page or a seed would. Pure: no DOM.
 */
import { intervalOf, unitsComparable } from '../figures/compare';
import { findFigures, parseFigure, type ParsedFigure } from '../figures/number-parser';
import type { EntryDetails, FigureStatement } from './types';

/** Case, accents, typographic quotes and dashes do not matter to a search. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

type Comparable = Pick<ParsedFigure, 'value' | 'precision' | 'unit'>;

/** Is `value` one of those `figure` can describe, read as stated (as rounded, not as a bound)? */
function covers(figure: Comparable, value: number): boolean {
  const { low, high } = intervalOf({ ...figure, approximation: 'exact' });
  return low <= value && value < high;
}

/**
 * The reader's number and a stated one are the same: the reader's number, as rounded, covers the
 * stated value, or the stated one covers the reader's and is rounded at most ten times as coarsely
 * ("76.2 billion" finds "$76 billion"; "76" does not find "a hundred").
 */
function sameValue(query: Comparable, stated: Comparable): boolean {
  return covers(query, stated.value) || (covers(stated, query.value) && stated.precision <= 10 * query.precision);
}

/**
 * Does the number the reader typed find this statement? A bare number ("76") fits any unit; a
 * currency, percentage or counted noun must fit the statement's. A number without a scale word is
 * also read against the statement's digits as written: "$76" finds "$76 billion".
 */
export function figureFinds(query: ParsedFigure, statement: FigureStatement): boolean {
  const bare = query.unit.kind === 'count' && query.unit.noun === null;
  if (!bare && !unitsComparable(query.unit, statement.unit)) return false;
  const stated = { value: statement.value, precision: statement.precision, unit: statement.unit };
  if (sameValue(query, stated)) return true;
  if (query.scale !== 1) return false;
  const scale = parseFigure(statement.text)?.scale ?? 1;
  return (
    scale !== 1 && sameValue(query, { ...stated, value: stated.value / scale, precision: stated.precision / scale })
  );
}

interface SearchHit {
  readonly entry: EntryDetails;
  /** Why it was found, for ordering: 0 label, 1 figure value, 2 other text. */
  readonly rank: 0 | 1 | 2;
}

/**
 * The entries a search finds, best first (label matches, then figures by value, then the rest;
 * alphabetical within each). An empty search finds every entry, alphabetically.
 */
export function searchEntries(entries: readonly EntryDetails[], query: string): EntryDetails[] {
  const byLabel = (a: EntryDetails, b: EntryDetails) => a.label.localeCompare(b.label);
  const needle = foldForSearch(query);
  if (!needle) return [...entries].sort(byLabel);
  const figures = findFigures(needle);
  // With numbers in the search, its other words ("california 76 billion") must all be found too.
  let rest = needle;
  for (const figure of [...figures].reverse()) rest = rest.slice(0, figure.start) + ' ' + rest.slice(figure.end);
  const words = rest.split(/\s+/).filter((word) => word.length > 0);
  const hits: SearchHit[] = [];
  for (const entry of entries) {
    const label = foldForSearch(entry.label);
    const statements = entry.figure?.statements ?? [];
    const text = [label, foldForSearch(entry.summary), ...statements.map((s) => foldForSearch(s.text))].join('\n');
    if (label.includes(needle)) hits.push({ entry, rank: 0 });
    else if (
      figures.length > 0 &&
      figures.every((figure) => statements.some((statement) => figureFinds(figure, statement))) &&
      words.every((word) => text.includes(word))
    )
      hits.push({ entry, rank: 1 });
    else if (text.includes(needle)) hits.push({ entry, rank: 2 });
  }
  return hits.sort((a, b) => a.rank - b.rank || byLabel(a.entry, b.entry)).map((hit) => hit.entry);
}
