import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it } from 'vitest';
import { badgeFor } from '@/lib/services/badge';
import { describeDifference } from '@/lib/figures/verdict';
import { formatNumber, listOf, messageParts, said, say, t } from '@/lib/i18n';
import { countsSentence } from '@/lib/my-sources/import';
import { speak, type Locale } from '../../harness/catalogue';

afterEach(() => speak(fakeBrowser, 'en'));

const inLocale = <T>(locale: Locale, run: () => T): T => {
  speak(fakeBrowser, locale);
  return run();
};

describe('t: a message in the reader’s language', () => {
  it.each<[Locale, number, string]>([
    ['en', 0, '0 entries'],
    ['en', 1, '1 entry'],
    ['en', 2, '2 entries'],
    ['en', 12345, '12,345 entries'],
    ['zh_CN', 1, '1 个条目'],
    ['zh_CN', 2, '2 个条目'],
    ['zh_CN', 12345, '12,345 个条目'],
  ])('%s, %i: "%s"', (locale, count, words) => {
    expect(inLocale(locale, () => t('count.entries', { count }))).toBe(words);
  });

  it.each<[Locale, number, string]>([
    ['en', 0, 'None of them is named on this page.'],
    ['en', 1, '1 of them is named on this page.'],
    ['en', 3, '3 of them are named on this page.'],
    ['zh_CN', 0, '它们都没有在此页面上出现。'],
    ['zh_CN', 1, '其中 1 个在此页面上出现。'],
    ['zh_CN', 3, '其中 3 个在此页面上出现。'],
  ])('%s: a message with a form for none, %i: "%s"', (locale, count, words) => {
    expect(inLocale(locale, () => t('popup.tracked.named', { count }))).toBe(words);
  });

  it('puts in words, numbers written for the reader, and other messages', () => {
    expect(t('popup.pauseOn', { site: 'example.com' })).toBe('Pause on example.com');
    expect(formatNumber(1234.5)).toBe('1,234.5');
    expect(t('errors.failed', { doing: said('doing.saveArticle') })).toBe(
      'Crosscheck could not save this article. Nothing was changed.',
    );
  });

  it('reads a dollar sign written $$ as one', () => {
    expect(inLocale('en', () => t('key.sampleFigure'))).toBe('$76 billion');
    expect(inLocale('zh_CN', () => t('key.sampleFigure'))).toBe('760亿美元');
  });
});

describe('said: words to say later', () => {
  const problem = said('pack.damaged', {
    problems: [said('pack.problemAt', { where: 'articles[0].url', problem: said('pack.notAnAddress') }), 'x'],
  });

  it('survives being sent between threads (a structured clone) and is said in the reader’s language then', () => {
    const sent = structuredClone(problem);
    expect(inLocale('en', () => say(sent))).toBe(
      'This knowledge pack is damaged, so nothing was imported. articles[0].url: Not a web address (http or https) that can be kept; x.',
    );
    expect(inLocale('zh_CN', () => say(sent))).toBe(
      '这个知识包已损坏，因此没有导入任何内容。articles[0].url：不是可以保存的网址（http 或 https）；x。',
    );
  });
});

describe('lists and pieces', () => {
  it.each<[Locale, string[], string]>([
    ['en', ['a'], 'a'],
    ['en', ['a', 'b'], 'a and b'],
    ['en', ['a', 'b', 'c'], 'a, b and c'],
    ['zh_CN', ['甲', '乙', '丙'], '甲、乙和丙'],
  ])('%s lists %j as "%s"', (locale, items, words) => {
    expect(inLocale(locale, () => listOf(items))).toBe(words);
  });

  it.each<[Locale, unknown[]]>([
    ['en', ['This page', ': ', { bold: '$76 billion' }]],
    ['zh_CN', ['本页', '：', { bold: '$76 billion' }]],
  ])('%s puts a value that is not words where the message says', (locale, pieces) => {
    const value = { bold: '$76 billion' };
    expect(inLocale(locale, () => messageParts('figure.value', { label: t('figure.thisPage'), value }))).toEqual(
      pieces,
    );
  });
});

describe('the modules that word what readers see', () => {
  it.each<[Locale, string, string]>([
    ['en', 'Crosscheck: 42 entries found on this page; 2 figures differ from the sources', '1 figure differs'],
    ['zh_CN', 'Crosscheck：本页找到 42 个条目；2 个数字与来源不符', '1 个数字与来源不符'],
  ])('%s: the badge’s tooltip', (locale, two, one) => {
    expect(inLocale(locale, () => badgeFor({ entries: 42, differing: 2 }).title)).toBe(two);
    expect(inLocale(locale, () => badgeFor({ entries: 42, differing: 1 }).title)).toContain(one);
  });

  it.each<[Locale, number, string]>([
    ['en', 1.3, '1.3% more'],
    ['en', -50, '50% less'],
    ['en', 530, '6.3 times as much'],
    ['en', -83, 'about a sixth as much'],
    ['zh_CN', 1.3, '比本页多 1.3%'],
    ['zh_CN', -50, '比本页少 50%'],
    ['zh_CN', 530, '是本页的 6.3 倍'],
    ['zh_CN', -83, '约为本页的六分之一'],
  ])('%s: a difference of %f%% is "%s"', (locale, pct, words) => {
    expect(inLocale(locale, () => describeDifference(pct))).toBe(words);
  });

  it.each<[Locale, string]>([
    ['en', 'Added 2 articles and 1 tracked term; 1 saved article was updated; 3 were already saved.'],
    ['zh_CN', '添加了 2 篇文章和1 个跟踪词；1 篇已保存的文章已更新；3 篇早已保存。'],
  ])('%s: what an import changed', (locale, words) => {
    const counts = {
      articles: { added: 2, updated: 1, unchanged: 3 },
      tracked: { added: 1, gainedNames: 0, unchanged: 0 },
    };
    expect(inLocale(locale, () => countsSentence(counts))).toBe(words);
  });
});
