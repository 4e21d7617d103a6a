import { describe, expect, it } from 'vitest';
import type { AuthoredSource } from '@/lib/kb-build/schema';
import { NO_CJK_FONT_NOTE, renderSeedPage } from '../../harness/seed-pages';

const source: AuthoredSource = {
  id: 'copy',
  file: '007_a1b2c3.txt',
  title: 'States Go Their Own Way',
  author: 'Rosa Quint',
  outlet: null,
  date: null,
  url: null,
  language: 'en',
  notArticle: ['Subscribe to our aggregator!'],
  notByAuthor: [{ text: '各州走自己的路，摘要。', credit: 'Summary by the aggregator' }],
};
const text = [
  '各州走自己的路，摘要。',
  'States Go Their Own Way',
  'Subscribe to our aggregator!',
  'Governors met on Tuesday to compare notes.',
].join('\n\n');

describe('the demo page of a seed article', () => {
  it.each<[string, boolean, RegExp[], RegExp[]]>([
    [
      'as a reader sees the article',
      true,
      [
        /<h1>States Go Their Own Way<\/h1>/,
        /<h2 id="credit-0">Summary by the aggregator<\/h2>/,
        /Governors met/,
        /各州走自己的路/,
      ],
      [/Subscribe to our aggregator/, /007_a1b2c3/, /<p>States Go Their Own Way<\/p>/],
    ],
    ['without a CJK font, saying which package to install', false, [/fonts-noto-cjk/], [/各州/]],
  ])('%s', (_name, cjkFont, present, absent) => {
    const html = renderSeedPage(source, text, [source], { cjkFont });
    for (const pattern of present) expect(html).toMatch(pattern);
    for (const pattern of absent) expect(html).not.toMatch(pattern);
    if (!cjkFont) expect(html).toContain(NO_CJK_FONT_NOTE);
  });
});
