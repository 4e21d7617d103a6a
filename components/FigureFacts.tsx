import { describeDifference } from '@/lib/figures/verdict';
import { isOwnWords } from '@/lib/kb/own-words';
import { sourceName, sourceNameAndDate } from './source-names';
import type { PageFigure } from '@/lib/matching/page-matcher';
import type { FigureFacts as Facts, FigureStatement, FigureStatus, SourceRecord } from '@/lib/kb/types';

export interface FigureFactsProps {
  readonly facts: Facts;
  readonly sources: readonly SourceRecord[];
  /** The number on this page the card was opened from, with its verdict; absent from elsewhere. */
  readonly pageFigure?: PageFigure | null;
}

/**
 * "Differs: the sources state $76 billion, 1.3% more" — the verdict in plain words. On the page of
 * the only source that states the figure, that article is its own source: it is said so, not
 * that the number matches.
 */
export function verdictLine(pageFigure: PageFigure, sources: readonly SourceRecord[]): string {
  const verdict = pageFigure.verdict;
  if (pageFigure.alsoFits.length > 0) return 'No verdict: this number may belong to another claim.';
  if (pageFigure.statedBy !== null) {
    return `Stated only by this article: this sentence is ${sourceName(sources.find((s) => s.id === pageFigure.statedBy))}’s own statement, and no other source in the knowledge base states it.`;
  }
  if (!verdict) return 'No source states a value this figure can be compared with.';
  const by = who(sources, verdict.closest.source);
  if (verdict.verdict === 'matches') return `Matches: the sources state ${verdict.closest.text} (${by}).`;
  return `Differs: the sources state ${verdict.closest.text}, ${describeDifference(verdict.sourceVsPagePct)} (${by}).`;
}

/**
 * How the number was tied to this claim, when its own sentence did not name the whole claim:
 * "Linked by the sentence before, which could also make it about: …". Null for a sentence link.
 */
export function linkLine(pageFigure: PageFigure): string | null {
  if (pageFigure.linkedBy === 'sentence') return null;
  if (pageFigure.alsoFits.length === 0) return 'Linked by the sentence before.';
  return `Linked by the sentence before, which could also make it about: ${pageFigure.alsoFits.join('; ')}.`;
}

/**
 * A number on the page and what Crosscheck says of it: the highlight's card and "Check this
 * figure" both show it, so the same number gets the same words.
 */
export function PageFigureVerdict({
  pageFigure,
  sources,
  label,
}: {
  readonly pageFigure: PageFigure;
  readonly sources: readonly SourceRecord[];
  /** What the number is called: "This page", "Selected". */
  readonly label: string;
}) {
  const link = linkLine(pageFigure);
  return (
    <div class={`page-figure verdict-${pageFigure.verdict?.verdict ?? 'none'}`}>
      <p>
        {label}: <strong>{pageFigure.text}</strong>
      </p>
      {link && <p class="linked-by">{link}</p>}
      <p class="verdict">{verdictLine(pageFigure, sources)}</p>
    </div>
  );
}

const round = (value: number) => (value >= 100 ? value.toFixed(0) : value.toPrecision(3));

const STATUS_TEXT: Readonly<Record<FigureStatus, string>> = {
  agrees: 'The independent sources agree on this figure',
  conflicts: 'The independent sources give different values',
  'single source': 'One independent source states this figure',
  unstated: 'No source states this figure as a number',
};

function who(sources: readonly SourceRecord[], id: string): string {
  return sourceNameAndDate(
    sources.find((s) => s.id === id),
    { sayUnstatedDate: true },
  );
}

/**
 * What each source states for a figure: independent statements, with the ones quoting them folded
 * in; then what someone else wrote into a source's file (an aggregator's summary), credited to them.
 */
export function FigureFacts({ facts, sources, pageFigure }: FigureFactsProps) {
  const independent = facts.statements.filter(isOwnWords);
  const credited = facts.statements.filter((s) => s.credit !== null);
  const bySource = new Map<string, FigureStatement[]>();
  for (const statement of independent) {
    bySource.set(statement.source, [...(bySource.get(statement.source) ?? []), statement]);
  }
  const quotedBy = (source: string) => [
    ...new Set(facts.statements.filter((s) => s.quotes === source).map((s) => who(sources, s.source))),
  ];
  return (
    <section class="figure" aria-label="What the sources state">
      {pageFigure && <PageFigureVerdict pageFigure={pageFigure} sources={sources} label="This page" />}
      <h3>What the sources state</h3>
      <p class="figure-status">
        {STATUS_TEXT[facts.status]}
        {facts.asOf ? ` (as of ${facts.asOf})` : ''}.
      </p>
      <ul class="statements">
        {[...bySource].map(([source, statements]) => (
          <li key={source}>
            <strong>{[...new Set(statements.map((s) => s.text))].join(' / ')}</strong>
            <span class="meta"> — {who(sources, source)}</span>
            {quotedBy(source).length > 0 && <span class="quotes"> (also quoted by {quotedBy(source).join(', ')})</span>}
          </li>
        ))}
        {credited.map((statement) => (
          <li key={`${statement.source}-${statement.start}`}>
            {statement.text}
            <span class="meta"> — {statement.credit}</span>
          </li>
        ))}
      </ul>
      {facts.derived && (
        <p class="derived">
          Derived from {facts.derived.inputs[0].text} and {facts.derived.inputs[1].text} (
          {who(sources, facts.derived.inputs[0].source)}): about {round(facts.derived.value)} (between{' '}
          {round(facts.derived.low)} and {round(facts.derived.high)}),{' '}
          {facts.derived.consistent ? 'consistent with' : 'not consistent with'} the stated figure.
        </p>
      )}
    </section>
  );
}
