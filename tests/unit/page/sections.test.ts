// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { SectionCursor } from '@/lib/page/sections';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('SectionCursor', () => {
  it.each<[string, string, string[]]>([
    ['no headings: one section, the article', '<p id="a">a</p><p id="b">b</p>', ['article', 'article']],
    [
      'a heading starts a section, its own text included',
      '<p id="a">a</p><h2 id="h1">one</h2><p id="b">b</p><h3 id="h2">two</h3><p id="c">c</p>',
      ['article', 'h1', 'h1', 'h2', 'h2'],
    ],
    [
      'headings nested in sections count too',
      '<section><h2 id="h1">one</h2><p id="a">a</p></section><section><h2 id="h2">two</h2><p id="b">b</p></section>',
      ['h1', 'h1', 'h2', 'h2'],
    ],
  ])('%s', (_name, html, expected) => {
    document.body.innerHTML = `<article id="article">${html}</article>`;
    const root = document.querySelector('article')!;
    const cursor = new SectionCursor(root);
    // Every text node, in document order.
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const sections: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) sections.push(cursor.sectionOf(node).id);
    expect(sections).toEqual(expected);
  });
});
