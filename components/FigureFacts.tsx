import { describeDifference } from '@/lib/figures/verdict';
import { amountLocaleOf, inReaderNotation, type Amount } from '@/lib/figures/format-amount';
import { messageParts, t, uiLanguage } from '@/lib/i18n';
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
  if (pageFigure.alsoFits.length > 0) return t('figure.noVerdict');
  if (pageFigure.statedBy !== null) {
    return t('figure.statedOnlyHere', { source: sourceName(sources.find((s) => s.id === pageFigure.statedBy)) });
  }
  if (!verdict) return t('figure.nothingComparable');
  const by = who(sources, verdict.closest.source);
  const value = verdict.closest.text;
  if (verdict.verdict === 'matches') return t('figure.matches', { value, by });
  return t('figure.differs', { value, difference: describeDifference(verdict.sourceVsPagePct), by });
}

/**
 * How the number was tied to this claim, when its own sentence did not name the whole claim:
 * "Linked by the sentence before, which could also make it about: …". Null for a sentence link.
 */
export function linkLine(pageFigure: PageFigure): string | null {
  if (pageFigure.linkedBy === 'sentence') return null;
  if (pageFigure.alsoFits.length === 0) return t('figure.linkedBefore');
  return t('figure.linkedBeforeAlso', { claims: pageFigure.alsoFits.join(t('list.clauses')) });
}

/**
 * An amount said again in the reader's own notation beside the words that state it ("$76 billion
 * （760亿美元）"): those words stay as written, in their own language.
 */
export function ReaderNotation({ amount, written }: { readonly amount: Amount; readonly written: string }) {
  const locale = amountLocaleOf(uiLanguage());
  const said = inReaderNotation(amount, written, locale);
  return said ? (
    <span class="reader-notation" lang={locale === 'zh' ? 'zh-Hans' : 'en'}>
      {' '}
      {t('figure.inReaderNotation', { amount: said })}
    </span>
  ) : null;
}

/**
 * A number on the page and what Crosscheck says of it: the highlight's card and "Check this
 * figure" both show it, so the same number gets the same words.
 */
export function PageFigureVerdict({
  pageFigure,
  unit,
  sources,
  label,
}: {
  readonly pageFigure: PageFigure;
  /** What the number counts: its claim's unit. */
  readonly unit: Amount['unit'];
  readonly sources: readonly SourceRecord[];
  /** What the number is called: "This page", "Selected". */
  readonly label: string;
}) {
  const link = linkLine(pageFigure);
  return (
    <div class={`page-figure verdict-${pageFigure.verdict?.verdict ?? 'none'}`}>
      <p>
        {messageParts('figure.value', {
          label,
          value: (
            <>
              <strong>{pageFigure.text}</strong>
              <ReaderNotation amount={{ value: pageFigure.value, unit }} written={pageFigure.text} />
            </>
          ),
        })}
      </p>
      {link && <p class="linked-by">{link}</p>}
      <p class="verdict">{verdictLine(pageFigure, sources)}</p>
    </div>
  );
}

const round = (value: number) => (value >= 100 ? value.toFixed(0) : value.toPrecision(3));

const STATUS = {
  agrees: 'agrees',
  conflicts: 'conflicts',
  'single source': 'singleSource',
  unstated: 'unstated',
} as const satisfies Record<FigureStatus, string>;

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
    <section class="figure" aria-label={t('figure.whatSourcesState')}>
      {pageFigure && (
        <PageFigureVerdict pageFigure={pageFigure} unit={facts.unit} sources={sources} label={t('figure.thisPage')} />
      )}
      <h3>{t('figure.whatSourcesState')}</h3>
      <p class="figure-status">
        {facts.asOf
          ? t('figure.statusLineAsOf', { status: t(`figure.status.${STATUS[facts.status]}`), date: facts.asOf })
          : t('figure.statusLine', { status: t(`figure.status.${STATUS[facts.status]}`) })}
      </p>
      <ul class="statements">
        {[...bySource].map(([source, statements]) => (
          <li key={source}>
            <strong>{[...new Set(statements.map((s) => s.text))].join(' / ')}</strong>
            <ReaderNotation amount={statements[0]!} written={statements[0]!.text} />
            <span class="meta"> — {who(sources, source)}</span>
            {quotedBy(source).length > 0 && (
              <span class="quotes">
                {' '}
                {t('figure.alsoQuotedBy', { sources: quotedBy(source).join(t('list.separator')) })}
              </span>
            )}
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
          {t(facts.derived.consistent ? 'figure.derived.consistent' : 'figure.derived.inconsistent', {
            first: facts.derived.inputs[0].text,
            second: facts.derived.inputs[1].text,
            by: who(sources, facts.derived.inputs[0].source),
            value: round(facts.derived.value),
            low: round(facts.derived.low),
            high: round(facts.derived.high),
          })}
        </p>
      )}
    </section>
  );
}
