import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';

/**
 * The extension's messages outside a browser: what locales/<locale>.yml builds into
 * _locales/<locale>/messages.json, and `browser.i18n.getMessage` over it, so that tests in Node
 * (unit tests, with WXT's fake browser) and e2e tests (the words they expect) read the same catalogue.
 */

export type Locale = 'en' | 'zh_CN';
export const LOCALES: readonly Locale[] = ['en', 'zh_CN'];

/** The UI language a browser in each locale reports. */
export const UI_LANGUAGES: Readonly<Record<Locale, string>> = { en: 'en', zh_CN: 'zh-CN' };

export const localeFile = (locale: Locale) => join(import.meta.dirname, '../../locales', `${locale}.yml`);

const read = new Map<Locale, Readonly<Record<string, string>>>();

/** The messages of a locale as the browser holds them: by key ("popup_status_off_headline"). */
export function chromeMessages(locale: Locale): Readonly<Record<string, string>> {
  let messages = read.get(locale);
  if (!messages) {
    const built = generateChromeMessages(parseMessagesText(readFileSync(localeFile(locale), 'utf8'), 'YAML'));
    messages = Object.fromEntries(Object.entries(built).map(([key, { message }]) => [key, message]));
    read.set(locale, messages);
  }
  return messages;
}

/** The browser's getMessage: $1…$9 are the substitutions, $$ is a dollar sign; English where the locale has no such message. */
export function getMessage(locale: Locale, key: string, substitutions: readonly string[] = []): string {
  const message = chromeMessages(locale)[key] ?? chromeMessages('en')[key] ?? '';
  return message.replace(/\$(?:([1-9])|(\$+))/g, (_match, index: string | undefined, dollars: string | undefined) =>
    index ? (substitutions[Number(index) - 1] ?? '') : dollars!,
  );
}

/** A message of a locale as the reader sees it: plural form chosen by `count` as lib/i18n does, values put in. */
export function messageIn(locale: Locale, key: string, values: Readonly<Record<string, string | number>> = {}): string {
  let message = getMessage(locale, key.replaceAll('.', '_'));
  if (typeof values.count === 'number') {
    const forms = message.split(' | ');
    const count = values.count;
    message =
      forms.length === 1 ? forms[0]! : forms.length === 2 ? forms[count === 1 ? 0 : 1]! : forms[Math.min(count, 2)]!;
  }
  return message.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

interface I18nApi {
  i18n: { getMessage: unknown; getUILanguage: unknown };
}

/** Makes a fake browser speak a locale (WXT's fake browser has no i18n of its own). */
export function speak(fake: I18nApi, locale: Locale): void {
  fake.i18n.getMessage = (key: string, substitutions?: string | string[]) =>
    getMessage(locale, key, typeof substitutions === 'string' ? [substitutions] : substitutions);
  fake.i18n.getUILanguage = () => UI_LANGUAGES[locale];
}
