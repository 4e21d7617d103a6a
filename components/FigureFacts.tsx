import type { FigureFacts as Facts, FigureStatement, FigureStatus, SourceRecord } from '@/lib/kb/types';

export interface FigureFactsProps {
  readonly facts: Facts;
  readonly sources: readonly SourceRecord[];
}

const STATUS_TEXT: Readonly<Record<FigureStatus, string>> = {
  agrees: 'The independent sources agree on this figure',
  conflicts: 'The independent sources give different values',
  'single source': 'One independent source states this figure',
  unstated: 'No source states this figure as a number',
};

function who(sources: readonly SourceRecord[], id: string): string {
  const source = sources.find((s) => s.id === id);
  if (!source) return id;
  const name = source.author ?? source.title ?? source.outlet ?? source.file;
  return source.date ? `${name}, ${source.date}` : `${name}, date unknown`;
}

/** What each source states for a figure: independent statements, with the ones quoting them folded in. */
export function FigureFacts({ facts, sources }: FigureFactsProps) {
  const independent = facts.statements.filter((s) => s.quotes === null);
  const bySource = new Map<string, FigureStatement[]>();
  for (const statement of independent) {
    bySource.set(statement.source, [...(bySource.get(statement.source) ?? []), statement]);
  }
  const quotedBy = (source: string) => [
    ...new Set(facts.statements.filter((s) => s.quotes === source).map((s) => who(sources, s.source))),
  ];
  return (
    <section class="figure" aria-label="What the sources state">
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
      </ul>
    </section>
  );
}
