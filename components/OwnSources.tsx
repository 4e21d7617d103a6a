import type { SourceRecord } from '@/lib/kb/types';
import type { OwnSourceRecord, OwnSources as Own, OwnStatement } from '@/lib/my-sources/card-data';
import type { SourceRef } from '@/lib/my-sources/types';
import { messageParts, t } from '@/lib/i18n';
import { sourceNameAndDate } from './source-names';
import { ExcerptText } from './ExcerptText';
import { Credit, Declared } from './Credit';

/** A declared date as a day ("2025-06-02"); what the page declared, as it declared it, otherwise. */
export function declaredDay(published: string | null): string | null {
  return published === null ? null : (/^\d{4}-\d{2}-\d{2}/.exec(published)?.[0] ?? published);
}

/** "Jane Doe · Reuters · 2025-06-02", or "Reuters · author and date not stated". */
export function OwnAttribution({ article }: { readonly article: OwnSourceRecord }) {
  return (
    <Credit
      fields={[
        ['author', article.author],
        ['site', article.site],
        ['date', declaredDay(article.published)],
      ]}
    />
  );
}

/** How a saved article is named in a sentence: its site (or author, or title) and its date. */
export function OwnSourceName({ article }: { readonly article: OwnSourceRecord | undefined }) {
  if (!article) return <>{t('own.deleted')}</>;
  const name = article.site ?? article.author ?? article.title;
  const day = declaredDay(article.published);
  return (
    <>
      {name === null ? t('own.untitled') : <Declared text={name} />}
      {day !== null && (
        <>
          {' '}
          <Declared text={day} />
        </>
      )}
    </>
  );
}

function SourceName({ source, own, sources }: { source: SourceRef; own: Own; sources: readonly SourceRecord[] }) {
  return typeof source === 'string' ? (
    <>{sourceNameAndDate(sources.find((s) => s.id === source))}</>
  ) : (
    <OwnSourceName article={own.articles.find((a) => a.id === source)} />
  );
}

/** "24 governors, Reuters 2025-06-02: matches". */
export function StatementLine({ statement, own }: { readonly statement: OwnStatement; readonly own: Own }) {
  return (
    <>
      {messageParts('own.statement', {
        text: <Declared text={statement.text} />,
        source: <OwnSourceName article={own.articles.find((a) => a.id === statement.article)} />,
        verdict: statement.verdict ? t(`own.${statement.verdict}`) : t('own.noVerdict'),
      })}
    </>
  );
}

export interface OwnSourcesProps {
  readonly own: Own;
  /** The bundled sources, to name one a saved article quotes. */
  readonly sources: readonly SourceRecord[];
}

/**
 * The reader's saved articles on a card, after the bundled sources: a figure's statements with
 * their verdicts, and one verbatim excerpt per article, attributed and linked back to it.
 */
export function OwnSources({ own, sources }: OwnSourcesProps) {
  if (own.excerpts.length === 0 && own.statements.length === 0) return null;
  const more = own.mentioning.length - own.excerpts.length;
  return (
    <section aria-label={t('own.label')} class="own-sources">
      <h3>{t('own.heading')}</h3>
      {own.statements.length > 0 && (
        <ul class="statements own-statements">
          {own.statements.map((statement) => (
            <li key={`${statement.article}-${statement.text}`} class={`verdict-${statement.verdict ?? 'none'}`}>
              <StatementLine statement={statement} own={own} />
              {statement.quotes !== null && (
                <span class="quotes">
                  {' '}
                  {messageParts('own.quotesNotCounted', {
                    source: <SourceName source={statement.quotes} own={own} sources={sources} />,
                  })}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <ul class="excerpts">
        {own.excerpts.map((excerpt) => {
          const article = own.articles.find((a) => a.id === excerpt.article)!;
          return (
            <li class="excerpt own-excerpt" key={excerpt.article}>
              <blockquote cite={article.url} dir="auto">
                <ExcerptText excerpt={excerpt} />
              </blockquote>
              <p class="cite">
                <a href={article.url} target="_blank" rel="noopener noreferrer">
                  {article.title === null ? t('mySources.saved.untitled') : <Declared text={article.title} />}
                </a>
                <span class="meta">
                  {' '}
                  — <OwnAttribution article={article} />
                </span>
                {excerpt.quotes !== null && (
                  <span class="quotes">
                    {' '}
                    {messageParts('card.quotes', {
                      source: <SourceName source={excerpt.quotes} own={own} sources={sources} />,
                    })}
                  </span>
                )}
              </p>
            </li>
          );
        })}
      </ul>
      {more > 0 && <p class="meta">{t('own.andMore', { count: more })}</p>}
    </section>
  );
}
