import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excerptsBySource } from '@/lib/card/excerpts';
import type { ReaderLanguages } from '@/lib/card/language';
import type { Excerpt } from '@/lib/kb/types';

/** An excerpt of `source` whose text names it; `quotes` and `credit` as the build sets them. */
function excerpt(
  source: string,
  text: string,
  { quotes = null, credit = null, language = 'en' }: Partial<Pick<Excerpt, 'quotes' | 'credit' | 'language'>> = {},
): Excerpt {
  return { source, start: 0, end: text.length, text, highlights: [], quotes, credit, language };
}

const texts = (excerpts: readonly Excerpt[]) => excerpts.map((e) => e.text);

describe('excerptsBySource', () => {
  it.each<[string, Excerpt[], string[], string[]]>([
    [
      'one per source first, then the rest (a card used to open on three of one author’s)',
      [excerpt('a', 'a1'), excerpt('a', 'a2'), excerpt('a', 'a3'), excerpt('b', 'b1'), excerpt('c', 'c1')],
      ['a1', 'b1', 'c1'],
      ['a2', 'a3'],
    ],
    [
      'independent sources before those that quote them',
      [excerpt('b', 'b quotes a', { quotes: 'a' }), excerpt('c', 'c1'), excerpt('a', 'a1')],
      ['c1', 'a1', 'b quotes a'],
      [],
    ],
    [
      'a source is represented by its own words, not its quotation',
      [excerpt('b', 'b quotes a', { quotes: 'a' }), excerpt('b', 'b1'), excerpt('a', 'a1')],
      ['b1', 'a1'],
      ['b quotes a'],
    ],
    [
      'a passage someone else wrote into a source is another voice, after the independent ones',
      [
        excerpt('a', '软脱离', { credit: 'Chinese summary', language: 'zh' }),
        excerpt('a', 'a1'),
        excerpt('a', '软分裂', { credit: 'Chinese summary', language: 'zh' }),
        excerpt('b', 'b1'),
      ],
      ['a1', 'b1', '软脱离'],
      ['软分裂'],
    ],
    [
      'the reader’s language first',
      [
        excerpt('a', 'a in Chinese', { language: 'zh' }),
        excerpt('a', 'a1'),
        excerpt('b', 'b in Chinese', { language: 'zh' }),
      ],
      ['a1', 'b in Chinese'],
      ['a in Chinese'],
    ],
    [
      'a region of the reader’s language is the same language',
      [excerpt('a', 'a in British English', { language: 'en-GB' }), excerpt('b', 'b in Chinese', { language: 'zh' })],
      ['a in British English', 'b in Chinese'],
      [],
    ],
    ['nothing', [], [], []],
  ])('%s', (_name, excerpts, first, more) => {
    const ordered = excerptsBySource(excerpts, { ui: 'en-US', page: 'en-US' });
    expect([texts(ordered.first), texts(ordered.more)]).toEqual([first, more]);
  });

  const aggregatorsSummary = excerpt('a', '软脱离', { credit: 'Chinese summary', language: 'zh' });
  it.each<[string, ReaderLanguages, Excerpt[], string[], string[]]>([
    [
      'a reader of Chinese hears a Chinese excerpt first, even one someone else wrote into a source',
      { ui: 'zh-CN', page: 'en' },
      [excerpt('a', 'a1'), excerpt('b', 'b1'), aggregatorsSummary],
      ['软脱离', 'a1', 'b1'],
      [],
    ],
    [
      'a reader of English on the same page hears it last',
      { ui: 'en-US', page: 'en' },
      [excerpt('a', 'a1'), excerpt('b', 'b1'), aggregatorsSummary],
      ['a1', 'b1', '软脱离'],
      [],
    ],
    [
      'any region or script of Chinese is Chinese',
      { ui: 'zh-Hant-TW', page: 'en' },
      [excerpt('a', 'a1'), aggregatorsSummary],
      ['软脱离', 'a1'],
      [],
    ],
    [
      'among excerpts in the interface’s language, own words first, and still one per voice',
      { ui: 'zh', page: 'en' },
      [
        excerpt('b', 'b 引用 a', { quotes: 'a', language: 'zh' }),
        excerpt('a', 'a1'),
        excerpt('a', 'a 的原话', { language: 'zh' }),
      ],
      ['a 的原话', 'b 引用 a'],
      ['a1'],
    ],
    [
      'no excerpt in the interface’s language: ordered as for any reader',
      { ui: 'zh-CN', page: 'en' },
      [excerpt('b', 'b quotes a', { quotes: 'a' }), excerpt('a', 'a1')],
      ['a1', 'b quotes a'],
      [],
    ],
    [
      'independence outranks the page’s language',
      { ui: 'fr', page: 'en' },
      [excerpt('b', 'b quotes a', { quotes: 'a' }), excerpt('a', 'a in Chinese', { language: 'zh' })],
      ['a in Chinese', 'b quotes a'],
      [],
    ],
    [
      'the interface’s language outranks independence',
      { ui: 'en', page: 'en' },
      [excerpt('b', 'b quotes a', { quotes: 'a' }), excerpt('a', 'a in Chinese', { language: 'zh' })],
      ['b quotes a', 'a in Chinese'],
      [],
    ],
  ])('%s', (_name, languages, excerpts, first, more) => {
    const ordered = excerptsBySource(excerpts, languages);
    expect([texts(ordered.first), texts(ordered.more)]).toEqual([first, more]);
  });

  it('shows every excerpt once, and each voice once before "Show N more"', () => {
    const anExcerpt = fc
      .record({
        source: fc.constantFrom('a', 'b', 'c'),
        quotes: fc.constantFrom(null, 'a'),
        credit: fc.constantFrom(null, 'summary'),
        language: fc.constantFrom('en', 'zh'),
      })
      .map(({ source, ...rest }) => excerpt(source, `${source}`, rest));
    fc.assert(
      fc.property(fc.array(anExcerpt, { maxLength: 12 }), fc.constantFrom('en', 'zh-CN'), (excerpts, ui) => {
        const { first, more } = excerptsBySource(excerpts, { ui, page: 'en' });
        expect(new Set([...first, ...more])).toEqual(new Set(excerpts));
        expect(first.length + more.length).toBe(excerpts.length);
        const voices = first.map((e) => `${e.source} ${e.credit}`);
        expect(new Set(voices).size).toBe(first.length);
        for (const e of more) expect(voices).toContain(`${e.source} ${e.credit}`);
      }),
    );
  });
});
