import type { SourceRecord } from '@/lib/kb/types';
import { t } from '@/lib/i18n';

/** The kinds of source the knowledge base names (in English, as its sources file says them), with their messages. */
const KINDS = {
  'blog post': 'blogPost',
  'newsletter article': 'newsletterArticle',
  'radio show transcript': 'radioShowTranscript',
} as const;

/** A source's kind in the reader's language ("blog post"); a kind with no message, as the knowledge base says it. */
export function kindName(kind: string): string {
  const name = (KINDS as Readonly<Record<string, (typeof KINDS)[keyof typeof KINDS] | undefined>>)[kind];
  return name ? t(`source.kind.${name}`) : kind;
}

/**
 * How readers are told of a source: by its author, title or outlet, or else by what it is ("an
 * unsigned blog post"); never by its file name or id.
 */
export function sourceName(source: SourceRecord | undefined): string {
  if (!source) return t('source.unknown');
  return (
    source.author ??
    source.title ??
    source.outlet ??
    (source.kind ? t('source.unsigned', { kind: kindName(source.kind) }) : t('source.unnamed'))
  );
}

/** A source's title, or what it is when it has none ("Untitled blog post"). */
export function sourceTitle(source: SourceRecord | undefined): string {
  if (source?.title) return source.title;
  return source?.kind ? t('source.untitled', { kind: kindName(source.kind) }) : t('source.untitledSource');
}

/** "Chris Armitage, 2025-08-18", or the name alone, or with "date not stated" where a date is expected. */
export function sourceNameAndDate(source: SourceRecord | undefined, { sayUnstatedDate = false } = {}): string {
  const name = sourceName(source);
  if (source?.date) return t('source.withDate', { name, date: source.date });
  return sayUnstatedDate ? t('source.dateNotStated', { name }) : name;
}
