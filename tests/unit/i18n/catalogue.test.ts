import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromeMessages, LOCALES, type Locale } from '../../harness/catalogue';
import { PROJECT_ROOT } from '../../harness/server';

// The message files (locales/*.yml) as the browser reads them: every language says every message,
// with the same values, and every message is one the code says.

const english = chromeMessages('en');
const placeholders = (message: string) => [...new Set(message.match(/\{\w+\}/g) ?? [])].sort();
const forms = (message: string) => message.split(' | ');

/** Every file of the extension's own code, with its text. */
function sourceFiles(dir: string): { path: string; text: string }[] {
  return readdirSync(join(PROJECT_ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((file) => file.isFile() && /\.(ts|tsx)$/.test(file.name) && !file.parentPath.includes('generated'))
    .map((file) => {
      const path = join(file.parentPath, file.name);
      return { path, text: readFileSync(path, 'utf8') };
    });
}

describe.each(LOCALES.filter((locale) => locale !== 'en'))('%s', (locale: Locale) => {
  const messages = chromeMessages(locale);

  it('has every message English has, and no other', () => {
    expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(Object.keys(english))('%s has the same values as in English', (key) => {
    expect(placeholders(messages[key] ?? '')).toEqual(placeholders(english[key]!));
  });

  it('gives a plural message one form, or three (none, one, more), never the two of English', () => {
    const wrong = Object.entries(messages).filter(([key, message]) => {
      const count = forms(message).length;
      return forms(english[key]!).length > 1 ? count === 2 : count !== 1;
    });
    expect(wrong).toEqual([]);
  });
});

describe('every language', () => {
  // The browser reads a dollar sign and a digit as one of its own placeholders.
  it.each(LOCALES)('%s writes every dollar sign doubled', (locale) => {
    const single = Object.values(chromeMessages(locale)).filter((message) =>
      message.replaceAll('$$', '').includes('$'),
    );
    expect(single).toEqual([]);
  });
});

describe('English', () => {
  const code = [...sourceFiles('components'), ...sourceFiles('entrypoints'), ...sourceFiles('lib')]
    .map((file) => file.text)
    .join('\n');
  const manifest = readFileSync(join(PROJECT_ROOT, 'wxt.config.ts'), 'utf8');

  /** Said in full ("popup.thisSite"), or by a template whose fixed start leads to it (`category.${category}`). */
  const said = (key: string) => {
    const parts = key.split('.');
    return (
      code.includes(`'${key}'`) ||
      manifest.includes(`__MSG_${key.replaceAll('.', '_')}__`) ||
      parts.some((_, i) => i > 0 && code.includes(`\`${parts.slice(0, i).join('.')}.\${`))
    );
  };

  it('has no message the code never says', () => {
    const keys = Object.keys(english).map((key) => key.replaceAll('_', '.'));
    expect(keys.filter((key) => !said(key))).toEqual([]);
  });
});
