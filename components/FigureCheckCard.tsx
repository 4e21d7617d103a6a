import type { FigureCheck } from '@/lib/matching/figure-check';
import type { NotFigure, NumberReading } from '@/lib/figures/number-parser';
import type { SourceRecord } from '@/lib/kb/types';
import { PageFigureVerdict } from './FigureFacts';

export interface FigureCheckCardProps {
  readonly check: FigureCheck;
  /** The sources the linked claim's card names (its entry's data): who states what. */
  readonly sources: readonly SourceRecord[];
  readonly headingId: string;
  readonly onClose: () => void;
  readonly onOpenEntry: (id: string) => void;
}

const READINGS: Readonly<Record<NumberReading, string>> = {
  year: 'a year',
  decade: 'a decade',
  date: 'a date',
  time: 'a time',
  'web address': 'part of a web address',
  'e-mail address': 'part of an e-mail address',
  handle: 'part of an account’s handle',
  'phone number': 'a phone number',
  label: 'a page, section or item number',
  rank: 'a rank',
  code: 'part of a name or code',
  currency: 'an amount in a currency Crosscheck does not read',
  word: 'a word, not a count',
};

/** Readings named in the sentence, at most: a long selection is summed up by its first few. */
const MAX_READINGS = 3;

/**
 * What the selection's numbers read as, in plain words: "1919 reads as a year and 8 AM as a time;
 * Crosscheck checks amounts, counts and shares."
 */
export function notFiguresLine(notFigures: readonly NotFigure[]): string {
  const said = notFigures
    .slice(0, MAX_READINGS)
    .map(({ text, reading }, i) => `${text}${i === 0 ? ' reads' : ''} as ${READINGS[reading]}`);
  const list = said.length > 1 ? `${said.slice(0, -1).join(', ')} and ${said[said.length - 1]}` : said[0];
  return `${list}; Crosscheck checks amounts, counts and shares.`;
}

/**
 * The "Check this figure" card: for a number linked to a claim, what its highlight's card says;
 * else the claims that share its sentence's words, unjudged, or a plain "no source".
 */
export function FigureCheckCard({ check, sources, headingId, onClose, onOpenEntry }: FigureCheckCardProps) {
  const summaryId = `${headingId}-summary`;
  return (
    <div class="card" data-crosscheck-verdict={check.verdict ?? undefined}>
      <div class="card-header">
        <h2 id={headingId}>Check this figure</h2>
        <button type="button" class="close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      {check.figure === null ? (
        <p class="summary" id={summaryId}>
          {check.selection.trim() === ''
            ? 'Nothing is selected. Select a number in the article, such as “$76 billion”, then ask Crosscheck to check it.'
            : check.notFigures.length > 0
              ? notFiguresLine(check.notFigures)
              : 'The selection holds no number Crosscheck can read. Select text that contains a figure.'}
        </p>
      ) : check.linked ? (
        <>
          <div id={summaryId}>
            <PageFigureVerdict pageFigure={check.linked.pageFigure} sources={sources} label="Selected" />
          </div>
          <section aria-label="The claim it speaks of">
            <h3>The claim it speaks of</h3>
            <ul class="statements">
              <li>
                <button type="button" class="link" onClick={() => onOpenEntry(check.linked!.claim.id)}>
                  {check.linked.claim.label}
                </button>
                {check.linked.claim.asOf ? <span class="meta"> (as of {check.linked.claim.asOf})</span> : null}
              </li>
            </ul>
          </section>
        </>
      ) : (
        <>
          <p class="summary" id={summaryId}>
            Selected: <strong>{check.figure.text}</strong>
          </p>
          <p class="verdict">
            {check.candidates.length > 0
              ? 'No source in the knowledge base states this figure for what its sentence is about. Claims that share some of its words:'
              : 'No source in the knowledge base states this figure.'}
          </p>
          {check.candidates.length > 0 && (
            <section aria-label="Related claims">
              <h3>Closest claims</h3>
              <ul class="statements">
                {check.candidates.map(({ claim, nearest }) => (
                  <li key={claim.id}>
                    <button type="button" class="link" onClick={() => onOpenEntry(claim.id)}>
                      {claim.label}
                    </button>
                    {nearest && (
                      <span class="meta">
                        {' '}
                        — the sources state {nearest.text}
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
