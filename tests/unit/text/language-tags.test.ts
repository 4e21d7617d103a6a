import { describe, expect, it } from 'vitest';
import { primaryLanguage } from '@/lib/text/language-tags';

describe('primaryLanguage: the language a tag names', () => {
  it.each([
    ['en-US', 'en'],
    ['en', 'en'],
    ['zh-CN', 'zh'],
    ['zh-Hans', 'zh'],
    [' ZH ', 'zh'],
    ['zh-Hant-TW', 'zh'],
    ['', ''],
  ])('%j → %j', (tag, language) => {
    expect(primaryLanguage(tag)).toBe(language);
  });
});
