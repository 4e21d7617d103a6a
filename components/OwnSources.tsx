import type { SourceRecord } from '@/lib/kb/types';
import type { OwnSourceRecord, OwnSources as Own, OwnStatement } from '@/lib/my-sources/card-data';
import type { SourceRef } from '@/lib/my-sources/types';
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
  if (!article) return <>a saved article you deleted</>;
  const name = article.site ?? article.author ?? article.title;
  const day = declaredDay(article.published);
  return (
    <>
      {name === null ? 'an untitled saved article' : <Declared text={name} />}
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

const VERDICT_WORDS: Readonly<Record<NonNullable<OwnStatement['verdict']>, string>> = {
  matches: 'matches',
  differs: 'differs',
};

/** "24 governors, Reuters 2025-06-02: matches". */
export function StatementLine({ statement, own }: { readonly statement: OwnStatement; readonly own: Own }) {
  const verdict = statement.verdict ? VERDICT_WORDS[statement.verdict] : 'no verdict';
  return (
    <>
      <Declared text={statement.text} />,{' '}
      <OwnSourceName article={own.articles.find((a) => a.id === statement.article)} />: {verdict}
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
    <section aria-label="Your saved articles" class="own-sources">
      <h3>Your sources</h3>
      {own.statements.length > 0 && (
        <ul class="statements own-statements">
          {own.statements.map((statement) => (
            <li key={`${statement.article}-${statement.text}`} class={`verdict-${statement.verdict ?? 'none'}`}>
              <StatementLine statement={statement} own={own} />
              {statement.quotes !== null && (
                <span class="quotes">
                  {' '}
                  (quotes <SourceName source={statement.quotes} own={own} sources={sources} />; not counted)
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
                  {article.title === null ? 'Untitled saved article' : <Declared text={article.title} />}
                </a>
                <span class="meta">
                  {' '}
                  — <OwnAttribution article={article} />
                </span>
                {excerpt.quotes !== null && (
                  <span class="quotes">
                    {' '}
                    (quotes <SourceName source={excerpt.quotes} own={own} sources={sources} />)
                  </span>
                )}
              </p>
            </li>
          );
        })}
      </ul>
      {more > 0 && <p class="meta">And {more} more of your saved articles.</p>}
    </section>
  );
}
