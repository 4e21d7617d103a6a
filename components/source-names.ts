import type { SourceRecord } from '@/lib/kb/types';

/**
 * How readers are told of a source: by its author, title or outlet, or else by what it is ("an
 * unsigned blog post"); never by its file name or id.
 */
export function sourceName(source: SourceRecord | undefined): string {
  if (!source) return 'an unknown source';
  return (
    source.author ?? source.title ?? source.outlet ?? (source.kind ? `an unsigned ${source.kind}` : 'an unnamed source')
  );
}

/** A source's title, or what it is when it has none ("Untitled blog post"). */
export function sourceTitle(source: SourceRecord | undefined): string {
  return source?.title ?? `Untitled ${source?.kind ?? 'source'}`;
}

/** "Chris Armitage, 2025-08-18", or the name alone, or with "date not stated" where a date is expected. */
export function sourceNameAndDate(source: SourceRecord | undefined, { sayUnstatedDate = false } = {}): string {
  const name = sourceName(source);
  if (source?.date) return `${name}, ${source.date}`;
  return sayUnstatedDate ? `${name}, date not stated` : name;
}
