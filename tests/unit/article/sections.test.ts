// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FirstMentions, SectionCursor, type ReadHeadings, type Section } from '@/lib/article/sections';
import { collectText } from '@/lib/article/text-collector';
import { isWithinSkipped } from '@/lib/article/exclusions';

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

/** Skipped in these tests: anything marked `data-skip`. */
const isSkipped = (element: Element) => element.hasAttribute('data-skip');

/** What a pass over `scope` reads: where each text node and each heading starts. */
function readOf(scope: Element): { read: ReadHeadings; rawStartOfNode: Map<Node, number> } {
  const collected = collectText(scope, isSkipped);
  return {
    read: {
      scope,
      isSkipped: (heading) => isWithinSkipped(heading, scope, isSkipped),
      rawStartOf: (heading) => collected.blocks.get(heading)?.rawStart,
    },
    rawStartOfNode: new Map(collected.segments.map((segment) => [segment.node, segment.rawStart])),
  };
}

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
    ['an empty heading', '<p>a</p><h2 id="h1"></h2><p>b</p>', ['article', 'h1']],
    [
      'a heading in a skipped region still starts a section',
      '<p>a</p><div data-skip><h2 id="h1">aside</h2></div><p>b</p>',
      ['article', 'h1', 'h1'],
    ],
  ])('%s, by document order and by the offsets a pass read', (_name, html, expected) => {
    document.body.innerHTML = `<article id="article">${html}</article>`;
    const root = document.querySelector('article')!;
    const { read, rawStartOfNode } = readOf(root);
    const byOrder = new SectionCursor(root);
    const byOffsets = new SectionCursor(root, read);
    // Every text node, in document order (those the pass skipped by document order alone).
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const sections: string[][] = [[], []];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      sections[0]!.push(byOrder.sectionOf(node).heading.id);
      sections[1]!.push(byOffsets.sectionOf(node, rawStartOfNode.get(node)).heading.id);
    }
    expect(sections).toEqual([expected, expected]);
  });

  it('reads headings outside a scoped pass by document order', () => {
    document.body.innerHTML =
      '<article id="article"><h2 id="h1">one</h2><div id="scope"><p>a</p><h2 id="h2">two</h2><p>b</p></div></article>';
    const root = document.querySelector('article')!;
    const { read, rawStartOfNode } = readOf(document.getElementById('scope')!);
    const cursor = new SectionCursor(root, read);
    const [a, , b] = [...rawStartOfNode.keys()];
    expect(cursor.sectionOf(a!, rawStartOfNode.get(a!)).heading.id).toBe('h1');
    expect(cursor.sectionOf(b!, rawStartOfNode.get(b!)).heading.id).toBe('h2');
  });

  it('asks the DOM nothing for headings the pass read: a long flat article costs one walk', () => {
    const paragraphs = Array.from({ length: 2000 }, (_, i) => `<p>paragraph ${i}</p>`);
    paragraphs.splice(1000, 0, '<h2 id="middle">middle</h2>');
    document.body.innerHTML = `<article id="article">${paragraphs.join('')}<h2 id="end">end</h2></article>`;
    const root = document.querySelector('article')!;
    const { read, rawStartOfNode } = readOf(root);
    const compare = vi.spyOn(Node.prototype, 'compareDocumentPosition');
    const cursor = new SectionCursor(root, read);
    const sections = [...rawStartOfNode].map(([node, raw]) => cursor.sectionOf(node, raw).heading.id);
    expect(compare).not.toHaveBeenCalled();
    expect(sections.slice(999, 1003)).toEqual(['article', 'middle', 'middle', 'middle']);
    expect(sections.at(-1)).toBe('end');
  });
});

/** Sections as letters in order of first appearance: two nodes share a letter when they share a section. */
function sectionLetters(sections: readonly Section[]): string[] {
  const letters = new Map<string, string>();
  const ids = new Map<Element, number>();
  return sections.map(({ heading, language }) => {
    if (!ids.has(heading)) ids.set(heading, ids.size);
    const key = `${ids.get(heading)}|${language}`;
    if (!letters.has(key)) letters.set(key, String.fromCharCode(65 + letters.size));
    return letters.get(key)!;
  });
}

describe('SectionCursor, languages', () => {
  const han = '加利福尼亚州正在利用其巨额储备来捍卫其政策';
  it.each<[string, string, string[]]>([
    ['one language: one section', '<p>One paragraph.</p><p>Another one.</p>', ['A', 'A']],
    ['a declared language starts a section', `<p lang="zh">${han}</p><p>The English article.</p>`, ['A', 'B']],
    [
      'a declared language in the same script too',
      '<p>The Senate voted.</p><p lang="fr">Le Sénat a voté.</p>',
      ['A', 'B'],
    ],
    ['regions of one language are one', '<p lang="en-US">Color.</p><p lang="en-GB">Colour.</p>', ['A', 'A']],
    ['the case of a tag does not matter', '<p lang="EN">One.</p><p lang="en">Two.</p>', ['A', 'A']],
    ['a block written in Han, undeclared', `<p>The English article.</p><p>${han}</p>`, ['A', 'B']],
    [
      'a language met again rejoins its section',
      `<p lang="zh">${han}</p><p>English.</p><p lang="zh">${han}</p>`,
      ['A', 'B', 'A'],
    ],
    [
      'each heading’s section has its languages',
      `<p>${han}</p><p>English.</p><h2>A heading</h2><p>${han}</p><p>English again.</p>`,
      ['A', 'B', 'C', 'D', 'C'],
    ],
    [
      'a block’s script is that of most of its letters: Latin names in a Chinese paragraph',
      `<p>${han}<em>Gavin Newsom</em>${han}</p><p>Gavin Newsom said.</p>`,
      ['A', 'A', 'A', 'B'],
    ],
    [
      'a language declared inline does not split its block',
      '<p>He said <i lang="fr">laissez-faire</i> twice.</p><p>Then more.</p>',
      ['A', 'A', 'A', 'A'],
    ],
    [
      'a language declared around blocks covers them',
      `<section lang="zh"><p>${han}</p><p>${han}</p></section><p>English.</p>`,
      ['A', 'A', 'B'],
    ],
  ])('%s', (_name, html, expected) => {
    document.body.innerHTML = `<article id="article" lang="en">${html}</article>`;
    const root = document.querySelector('article')!;
    const cursor = new SectionCursor(root);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const sections: Section[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) sections.push(cursor.sectionOf(node));
    expect(sectionLetters(sections)).toEqual(expected);
  });

  it('notes an entry’s first mention once per section and language', () => {
    document.body.innerHTML = `<article lang="en"><p lang="zh">${han}</p><p>English.</p></article>`;
    const root = document.querySelector('article')!;
    const [zh, en] = [...root.querySelectorAll('p')].map((p) => new SectionCursor(root).sectionOf(p.firstChild!));
    const mentions = new FirstMentions();
    expect([
      mentions.note(zh!, 'x'),
      mentions.note(en!, 'x'),
      mentions.note(en!, 'x'),
      mentions.note(zh!, 'y'),
    ]).toEqual([true, true, false, true]);
  });
});
