// The browser's own API, as @wxt-dev/i18n reads it, not webextension-polyfill's, which refuses to
// load outside an extension page: the options page's import worker imports modules that word problems.
import { browser } from '@wxt-dev/browser';
import { createI18n } from '@wxt-dev/i18n';
import type { GeneratedI18nStructure } from '#i18n';

/**
 * Every word Crosscheck says to a reader comes from locales/<language>.yml (built into the
 * extension's _locales by @wxt-dev/i18n), in the browser's UI language, English where a message is
 * missing. Messages name their values ({site}, {count}); a message with plural forms picks one by
 * the value `count`. Numbers are written as the reader's language writes them.
 */

type Structure = Omit<GeneratedI18nStructure, `@@${string}`>;
export type MessageKey = keyof Structure;

type Names<K extends MessageKey> = Structure[K] extends { readonly namedSubstitutions: readonly (infer N)[] }
  ? N & string
  : never;
type IsPlural<K extends MessageKey> = Structure[K] extends { readonly plural: true } ? true : false;

/**
 * A value put into a message: words, a number (written for the reader), another message, or a list
 * of values said as clauses ("a; b").
 */
export type MessageValue = string | number | Said | readonly MessageValue[];

export type MessageValues<K extends MessageKey> = { readonly [N in Names<K>]: MessageValue } & (IsPlural<K> extends true
  ? { readonly count: number }
  : unknown);

/** What `t` takes after the key: the message's values, if it has any. */
export type MessageArgs<K extends MessageKey> = [Names<K>] extends [never]
  ? IsPlural<K> extends true
    ? [values: { readonly count: number }]
    : []
  : [values: MessageValues<K>];

/**
 * Words to be said later, where the browser's catalogue is at hand: an import worker has none, so
 * what it reports is a message and its values, and the options page says it.
 */
export interface Said {
  readonly key: MessageKey;
  readonly values?: Readonly<Record<string, MessageValue>>;
}

const i18n = createI18n();

/** The browser's UI language ("en-US", "zh-CN"): the one the messages are in. */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}

/** "1,234": a number as the reader's language writes it. */
export function formatNumber(value: number): string {
  return value.toLocaleString(uiLanguage());
}

function rendered(value: MessageValue): string {
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return value;
  return Array.isArray(value) ? value.map(rendered).join(t('list.clauses')) : say(value as Said);
}

function message(key: MessageKey, values: Readonly<Record<string, MessageValue>> | undefined): string {
  if (values === undefined) return i18n.t(key);
  const words = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, rendered(value)]));
  const count = values.count;
  return typeof count === 'number' ? i18n.t(key, count, words) : i18n.t(key, words);
}

/** The message `key` in the reader's language, its values put in. */
export function t<K extends MessageKey>(key: K, ...[values]: MessageArgs<K>): string {
  return message(key, values as Readonly<Record<string, MessageValue>> | undefined);
}

/** The message `key` with its values, to say later (see Said). */
export function said<K extends MessageKey>(key: K, ...[values]: MessageArgs<K>): Said {
  return values === undefined ? { key } : { key, values: values as Readonly<Record<string, MessageValue>> };
}

/** Says what `said` holds, in the reader's language. */
export function say({ key, values }: Said): string {
  return message(key, values);
}

/**
 * The message `key` in pieces, each value where the message puts it: for values that are not words
 * (an isolated name, a bold figure), which a component places among the words.
 */
export function messageParts<K extends MessageKey, V>(
  key: K,
  values: { readonly [N in Names<K>]: V | string } & (IsPlural<K> extends true ? { readonly count: number } : unknown),
): (V | string)[] {
  const { count } = values as { count?: unknown };
  const template = typeof count === 'number' ? i18n.t(key, count) : i18n.t(key);
  const byName = values as Readonly<Record<string, V | string | number>>;
  return template
    .split(/\{(\w+)\}/)
    .map((piece, i) => {
      if (i % 2 === 0) return piece;
      const value = byName[piece];
      return typeof value === 'number' ? formatNumber(value) : (value ?? `{${piece}}`);
    })
    .filter((piece) => piece !== '');
}

/** "a, b and c": items joined as the reader's language lists them. */
export function listOf(items: readonly string[]): string {
  if (items.length < 2) return items.join('');
  return t('list.last', { init: items.slice(0, -1).join(t('list.separator')), last: items.at(-1)! });
}

/**
 * An extension page in the reader's language: its `lang` (which picks the Chinese glyph forms of a
 * CJK font, and a screen reader's voice) and its title.
 */
export function localisePage(title: string): void {
  document.documentElement.lang = uiLanguage();
  document.title = title;
}
