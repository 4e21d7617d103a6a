import { describe, expect, it } from 'vitest';
import { summaryFor, type TextIn } from '@/lib/card/language';

const entry = { summary: 'A term Armitage uses.', summaryZh: 'Armitage 使用的一个术语。' };
const english: TextIn = { text: entry.summary, language: 'en' };
const chinese: TextIn = { text: entry.summaryZh, language: 'zh-Hans' };

describe('summaryFor: the summary in the reader’s language', () => {
  it.each<[string, string, { summary: string; summaryZh?: string }, TextIn]>([
    ['Chinese, as China’s browsers say it', 'zh-CN', entry, chinese],
    ['Chinese, with no region', 'zh', entry, chinese],
    ['Chinese of another region (Simplified reads better than English)', 'zh-TW', entry, chinese],
    ['a tag in capitals', 'ZH-cn', entry, chinese],
    ['English', 'en-US', entry, english],
    ['English, with no region', 'en', entry, english],
    ['a language the knowledge base is not written in', 'fr-FR', entry, english],
    ['a language that only begins like Chinese', 'zha', entry, english],
    ['Chinese, for an entry with no Chinese summary (a tracked term)', 'zh-CN', { summary: entry.summary }, english],
  ])('%s', (_name, uiLanguage, details, expected) => {
    expect(summaryFor(details, uiLanguage)).toEqual(expected);
  });
});
