import type { FigureCheck } from '@/lib/figures/check';
import { describeDifference } from '@/lib/figures/verdict';

export interface FigureCheckCardProps {
  readonly check: FigureCheck;
  readonly headingId: string;
  readonly onClose: () => void;
  readonly onOpenEntry: (id: string) => void;
}

/** The "Check this figure" card: the closest claims of the knowledge base, or a plain "no source". */
export function FigureCheckCard({ check, headingId, onClose, onOpenEntry }: FigureCheckCardProps) {
  return (
    <div class="card" data-crosscheck-verdict={check.verdict}>
      <div class="card-header">
        <h2 id={headingId}>Check this figure</h2>
        <button type="button" class="close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      {check.figure === null ? (
        <p class="summary" id={`${headingId}-summary`}>
          {check.selection.trim() === ''
            ? 'Nothing is selected. Select a number in the article, such as “$76 billion”, then ask Crosscheck to check it.'
            : 'The selection holds no number Crosscheck can read. Select text that contains a figure.'}
        </p>
      ) : (
        <>
          <p class="summary" id={`${headingId}-summary`}>
            Selected: <strong>{check.figure.text}</strong>
          </p>
          {check.verdict === 'unsourced' && (
            <p class="verdict">
              {check.candidates.length > 0
                ? 'No source in the knowledge base states this figure for what its sentence is about. Claims that share some of its words:'
                : 'No source in the knowledge base states this figure.'}
            </p>
          )}
          {check.candidates.length > 0 && (
            <section aria-label={check.verdict === 'unsourced' ? 'Related claims' : 'What the sources state'}>
              <h3>{check.verdict === 'unsourced' ? 'Closest claims' : 'What the sources state'}</h3>
              <ul class="statements">
                {check.candidates.map(({ claim, verdict, cuesNamed }) => (
                  <li key={claim.id}>
                    <button type="button" class="link" onClick={() => onOpenEntry(claim.id)}>
                      {claim.label}
                    </button>
                    {verdict && (
                      <span class="meta">
                        {' '}
                        — the sources state {verdict.closest.text}
                        {/* A verdict only where the sentence names the claim's whole subject, as the headline does. */}
                        {cuesNamed < claim.cues.length
                          ? ''
                          : verdict.verdict === 'matches'
                            ? ': matches'
                            : `: differs, ${describeDifference(verdict.sourceVsPagePct)}`}
                        {claim.asOf ? ` (as of ${claim.asOf})` : ''}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </div>
  );
}
