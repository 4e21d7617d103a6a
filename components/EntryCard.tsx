import { useState } from 'preact/hooks';
import type { PageFigure } from '@/lib/matching/page-matcher';
import type { Category, EntryDetails, Excerpt, SourceRecord } from '@/lib/kb/types';
import { t } from '@/lib/i18n';
import { categoryLabel } from '@/lib/kb/category-labels';
import { FigureFacts } from './FigureFacts';
import { excerptsBySource } from '@/lib/card/excerpts';
import { summaryFor } from '@/lib/card/language';
import { sourceNameAndDate, sourceTitle } from './source-names';
import { combinedAgreement } from '@/lib/my-sources/entry';
import type { OwnSources as Own } from '@/lib/my-sources/card-data';
import { TRACKED_ID_PREFIX } from '@/lib/my-sources/types';
import { OwnSources } from './OwnSources';
import { ExcerptText } from './ExcerptText';
import { Credit } from './Credit';

export interface EntryCardProps {
  /** Undefined while loading; null when the knowledge base holds no such entry. */
  readonly entry: EntryDetails | null | undefined;
  readonly sources: readonly SourceRecord[];
  /** How many sources the whole corpus has ("Named in 3 of 5 sources"). */
  readonly corpusSize: number;
  /** The page's language: excerpts in it come first, after those in the interface's language. */
  readonly readerLanguage: string;
  /** The browser's interface language ("zh-CN"): the summary is in it where the entry has one, and excerpts in it come first. */
  readonly uiLanguage: string;
  /** Id of the heading, so the dialog can point aria-labelledby at it (and `${id}-summary` for aria-describedby). */
  readonly headingId: string;
  readonly onClose: () => void;
  readonly onOpenEntry: (id: string) => void;
  /** For a figure highlight: the page's own value and its verdict. */
  readonly pageFigure?: PageFigure | null;
  /** Set when the reader came here from another card (a related entry): the way back. */
  readonly onBack?: { readonly label: string; readonly go: () => void };
  /** What the reader's saved articles say, listed after the bundled sources. */
  readonly own?: Own;
}

/** "Chris Armitage · The Existential Republic · 2025-08-18", or "Author, outlet and date not stated". */
export function SourceAttribution({ source }: { readonly source: SourceRecord }) {
  return (
    <Credit
      fields={[
        ['author', source.author],
        ['outlet', source.outlet],
        ['date', source.date],
      ]}
    />
  );
}

export function agreementLine(entry: EntryDetails, sourceCount: number, own?: Own): string {
  const { sources, independent } = entry.agreement;
  if (own && own.savedCount > 0 && (own.mentioning.length > 0 || entry.id.startsWith(TRACKED_ID_PREFIX))) {
    const counts = combinedAgreement(entry, sourceCount, own);
    const saved = t('card.ofYourSaved', { saved: counts.saved, count: counts.savedSize });
    // A tracked term was never looked for in the bundled sources: only the saved articles are counted.
    return entry.id.startsWith(TRACKED_ID_PREFIX)
      ? t('card.namedInSaved', { saved, independent: counts.independent })
      : t('card.namedWithSaved', {
          named: counts.bundled,
          count: counts.bundledSize,
          saved,
          independent: counts.independent,
        });
  }
  if (sources.length === 0) {
    // Only someone else's words (an aggregator's summary) name it: no source's author does.
    return entry.excerpts.some((e) => e.credit !== null) ? t('card.notNamedSummaryOnly') : t('card.notNamed');
  }
  return t('card.named', { named: sources.length, count: sourceCount, independent: independent.length });
}

function SourceExcerpt({ excerpt, sources }: { readonly excerpt: Excerpt; readonly sources: readonly SourceRecord[] }) {
  const source = sources.find((s) => s.id === excerpt.source);
  const original = excerpt.quotes ? sources.find((s) => s.id === excerpt.quotes) : undefined;
  if (excerpt.credit !== null) {
    // Someone else's words in this source's file: credited to them, not linked to the author's page.
    return (
      <li class="excerpt">
        <blockquote lang={excerpt.language}>
          <ExcerptText excerpt={excerpt} />
        </blockquote>
        <p class="cite">
          <span>{excerpt.credit}</span>
        </p>
      </li>
    );
  }
  const title = sourceTitle(source);
  return (
    <li class="excerpt">
      <blockquote cite={source?.url ?? undefined} lang={excerpt.language}>
        <ExcerptText excerpt={excerpt} />
      </blockquote>
      <p class="cite">
        {source?.url ? (
          <a href={source.url} target="_blank" rel="noopener noreferrer">
            {title}
          </a>
        ) : (
          <span>{title}</span>
        )}
        <span class="meta"> — {source ? <SourceAttribution source={source} /> : t('card.sourceUnknown')}</span>
        {excerpt.quotes && <span class="quotes"> {t('card.quotes', { source: sourceNameAndDate(original) })}</span>}
      </p>
    </li>
  );
}

/** The card a highlight opens: what the entry is, what each source says, how far they agree. */
export function EntryCard({
  entry,
  sources,
  corpusSize,
  readerLanguage,
  uiLanguage,
  headingId,
  onClose,
  onOpenEntry,
  pageFigure,
  onBack,
  own,
}: EntryCardProps) {
  const [showAll, setShowAll] = useState(false);
  const back = onBack && (
    <button type="button" class="back" onClick={onBack.go} aria-label={t('card.backTo', { label: onBack.label })}>
      {t('card.back')}
    </button>
  );
  const close = (
    <button type="button" class="close" aria-label={t('close')} onClick={onClose}>
      ×
    </button>
  );
  if (entry === undefined) {
    return (
      <div class="card" aria-busy="true">
        <p id={headingId} class="loading">
          {t('card.loading')}
        </p>
        {close}
      </div>
    );
  }
  if (entry === null) {
    return (
      <div class="card">
        <p id={headingId}>{t('card.noEntry')}</p>
        {close}
      </div>
    );
  }
  const { first, more } = excerptsBySource(entry.excerpts, { ui: uiLanguage, page: readerLanguage });
  const summary = summaryFor(entry, uiLanguage);
  return (
    <div class="card">
      <div class="card-header">
        {back}
        <h2 id={headingId}>{entry.label}</h2>
        <span class={`category category-${entry.category}`}>{categoryLabel(entry.category satisfies Category)}</span>
        {close}
      </div>
      <p class="summary" id={`${headingId}-summary`} lang={summary.language}>
        {summary.text}
      </p>
      {entry.roles.length > 0 && (
        <ul class="roles">
          {entry.roles.map((role) => (
            <li key={`${role.title}-${role.source}`}>
              {role.asOf ? t('card.roleAsOf', { role: role.title, date: role.asOf }) : role.title}
              <span class="meta">
                {' '}
                {t('card.per', { source: sourceNameAndDate(sources.find((s) => s.id === role.source)) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p class="agreement">{agreementLine(entry, corpusSize, own)}</p>
      {entry.figure && <FigureFacts facts={entry.figure} sources={sources} pageFigure={pageFigure} />}
      {first.length > 0 && (
        <section aria-label={t('card.whatSourcesSay')}>
          <h3>{t('card.whatSourcesSay')}</h3>
          {/* One excerpt per source, then the rest on request: every voice is heard before a second word from any. */}
          <ul class="excerpts" id={`${headingId}-excerpts`}>
            {[...first, ...(showAll ? more : [])].map((excerpt) => (
              <SourceExcerpt key={`${excerpt.source}-${excerpt.start}`} excerpt={excerpt} sources={sources} />
            ))}
          </ul>
          {more.length > 0 && (
            <button
              type="button"
              class="more"
              aria-expanded={showAll}
              aria-controls={`${headingId}-excerpts`}
              onClick={() => setShowAll(!showAll)}
            >
              {showAll ? t('showFewer') : t('card.showMore', { count: more.length })}
            </button>
          )}
          <p class="visually-hidden" role="status">
            {showAll ? t('card.moreShown', { count: more.length }) : ''}
          </p>
        </section>
      )}
      {own && <OwnSources own={own} sources={sources} />}
      {entry.related.length > 0 && (
        <nav aria-label={t('card.relatedEntries')} class="related">
          <h3>{t('card.related')}</h3>
          <ul>
            {entry.related.map((related) => (
              <li key={related.id}>
                <button type="button" class="link" onClick={() => onOpenEntry(related.id)}>
                  {related.label}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </div>
  );
}
