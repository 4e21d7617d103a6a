import type { FigureCheck } from '@/lib/matching/figure-check';
import type { NotFigure, NumberReading } from '@/lib/figures/number-parser';
import type { SourceRecord } from '@/lib/kb/types';
import { listOf, messageParts, t } from '@/lib/i18n';
import { PageFigureVerdict, ReaderNotation } from './FigureFacts';

export interface FigureCheckCardProps {
  readonly check: FigureCheck;
  /** The sources the linked claim's card names (its entry's data): who states what. */
  readonly sources: readonly SourceRecord[];
  readonly headingId: string;
  readonly onClose: () => void;
  readonly onOpenEntry: (id: string) => void;
}

/** Each reading's message (check.reading.*). */
const READINGS = {
  year: 'year',
  decade: 'decade',
  date: 'date',
  time: 'time',
  'web address': 'webAddress',
  'e-mail address': 'emailAddress',
  handle: 'handle',
  'phone number': 'phoneNumber',
  label: 'label',
  rank: 'rank',
  code: 'code',
  currency: 'currency',
  word: 'word',
} as const satisfies Record<NumberReading, string>;

/** Readings named in the sentence, at most: a long selection is summed up by its first few. */
const MAX_READINGS = 3;

/**
 * What the selection's numbers read as, in plain words: "1919 reads as a year and 8 AM as a time;
 * Crosscheck checks amounts, counts and shares."
 */
export function notFiguresLine(notFigures: readonly NotFigure[]): string {
  const said = notFigures
    .slice(0, MAX_READINGS)
    .map(({ text, reading }, i) =>
      t(i === 0 ? 'check.readsAs' : 'check.as', { text, reading: t(`check.reading.${READINGS[reading]}`) }),
    );
  return t('check.notFigures', { readings: listOf(said) });
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
        <h2 id={headingId}>{t('check.title')}</h2>
        <button type="button" class="close" aria-label={t('close')} onClick={onClose}>
          ×
        </button>
      </div>
      {check.figure === null ? (
        <p class="summary" id={summaryId}>
          {check.selection.trim() === ''
            ? t('check.nothingSelected')
            : check.notFigures.length > 0
              ? notFiguresLine(check.notFigures)
              : t('check.noNumber')}
        </p>
      ) : check.linked ? (
        <>
          <div id={summaryId}>
            <PageFigureVerdict
              pageFigure={check.linked.pageFigure}
              unit={check.figure.unit}
              sources={sources}
              label={t('figure.selected')}
            />
          </div>
          <section aria-label={t('check.claim')}>
            <h3>{t('check.claim')}</h3>
            <ul class="statements">
              <li>
                <button type="button" class="link" onClick={() => onOpenEntry(check.linked!.claim.id)}>
                  {check.linked.claim.label}
                </button>
                {check.linked.claim.asOf ? (
                  <span class="meta"> {t('check.asOf', { date: check.linked.claim.asOf })}</span>
                ) : null}
              </li>
            </ul>
          </section>
        </>
      ) : (
        <>
          <p class="summary" id={summaryId}>
            {messageParts('figure.value', {
              label: t('figure.selected'),
              value: (
                <>
                  <strong>{check.figure.text}</strong>
                  <ReaderNotation amount={check.figure} written={check.figure.text} />
                </>
              ),
            })}
          </p>
          <p class="verdict">{check.candidates.length > 0 ? t('check.noSourceForSentence') : t('check.noSource')}</p>
          {check.candidates.length > 0 && (
            <section aria-label={t('check.relatedClaims')}>
              <h3>{t('check.closestClaims')}</h3>
              <ul class="statements">
                {check.candidates.map(({ claim, nearest }) => (
                  <li key={claim.id}>
                    <button type="button" class="link" onClick={() => onOpenEntry(claim.id)}>
                      {claim.label}
                    </button>
                    {nearest && (
                      <span class="meta">
                        {' '}
                        {claim.asOf
                          ? t('check.sourcesStateAsOf', { value: nearest.text, date: claim.asOf })
                          : t('check.sourcesState', { value: nearest.text })}
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
