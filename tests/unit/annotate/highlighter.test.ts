// @vitest-environment happy-dom
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DRAW_BUDGET_MS, Highlighter, SLICE_BUDGET_MS, type Viewport } from '@/lib/annotate/highlighter';
import { HighlightStyles } from '@/lib/annotate/highlight-styles';
import {
  markCalls,
  MAX_CALL_COPY,
  MAX_CONTEXT_CHARS,
  textNodeCursor,
  withUntrackedIterators,
} from '@/lib/annotate/mark-renderer';
import { createPageMatcher } from '@/lib/matching/page-matcher';
import { MatchingEngine, type PageMatching } from '@/lib/services/matching-service';
import type { Renderer } from '@/lib/annotate/renderer';
import type { IndexedEntry } from '@/lib/kb/types';
import { collectText, toRawRange } from '@/lib/article/text-collector';

function entry(id: string, forms: string[], category: IndexedEntry['category'] = 'concept'): IndexedEntry {
  const caseSensitive = forms.every((f) => f === f.toUpperCase());
  return { id, category, label: forms[0]!, forms: forms.map((text) => ({ text, caseSensitive, shortForm: false })) };
}

const entries = [
  entry('soft-secession', ['soft secession', '软脱离']),
  entry('secession', ['secession']),
  entry('gavin-newsom', ['Gavin Newsom'], 'person'),
  entry('ice', ['ICE'], 'organization'),
];
const pageMatcher = createPageMatcher({ entries, figures: [], sourceCount: 0 });
const matching = new MatchingEngine(() => pageMatcher);

/** `engine`, with `before` told of each request to match, ahead of it. */
function observed(engine: PageMatching, before: (windows: readonly string[]) => void): PageMatching {
  return {
    matchWindows: (windows, context) => {
      before(windows);
      return engine.matchWindows(windows, context);
    },
    checkFigure: (...args) => engine.checkFigure(...args),
  };
}

function setUp(html: string): HTMLElement {
  document.body.innerHTML = `<article>${html}</article>`;
  return document.querySelector('article')!;
}

function marked(root: Element): string[] {
  return [...root.querySelectorAll('crosscheck-mark:not([data-crosscheck-continued])')].map(
    (m) => `${m.getAttribute('data-crosscheck-id')}:${m.textContent}`,
  );
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Highlighter', () => {
  it.each<[string, string, string[]]>([
    ['plain text', '<p>The soft secession idea.</p>', ['soft-secession:soft secession']],
    ['across inline elements', '<p>The <em>soft</em> secession idea.</p>', ['soft-secession:soft']],
    ['link around part of a name', '<p><a href="#">Gavin</a> Newsom spoke.</p>', ['gavin-newsom:Gavin']],
    ['not across blocks', '<p>soft</p><p>secession</p>', ['secession:secession']],
    ['not inside code', '<p>Use <code>soft secession</code> here.</p>', []],
    ['not inside inputs or buttons', '<p><button>ICE</button><textarea>ICE</textarea></p>', []],
    ['not inside contenteditable', '<div contenteditable="true"><p>Gavin Newsom</p></div>', []],
    ['not inside aria-hidden', '<p aria-hidden="true">Gavin Newsom</p>', []],
    ['not inside hidden', '<p hidden>Gavin Newsom</p>', []],
    ['a br is a space', '<p>soft<br>secession</p>', ['soft-secession:soft']],
    ['script text is ignored', '<p>soft <script>var x = "ICE";</script>secession</p>', ['secession:secession']],
  ])('%s', async (_name, html, expected) => {
    const root = setUp(html);
    await new Highlighter(root, matching).annotate();
    expect(marked(root)).toEqual(expected);
  });

  it('never puts a wrapper where the parent forbids one (tables, lists)', async () => {
    const root = setUp(
      '<table><tr><td>soft</td>\n<td>secession</td></tr></table><ul>\n<li>soft</li>\n<li>ICE</li>\n</ul>',
    );
    await new Highlighter(root, matching).annotate();
    expect(marked(root)).toEqual(['secession:secession', 'ice:ICE']);
    for (const mark of root.querySelectorAll('crosscheck-mark')) {
      expect(['TD', 'LI']).toContain(mark.parentElement!.tagName);
    }
  });

  it('wraps each piece of a match that crosses elements, with the same id', async () => {
    const root = setUp('<p>The <em>soft</em> secession idea.</p>');
    await new Highlighter(root, matching).annotate();
    const pieces = [...root.querySelectorAll('crosscheck-mark')].map((m) => m.textContent);
    expect(pieces).toEqual(['soft', ' secession']);
    expect(
      new Set([...root.querySelectorAll('crosscheck-mark')].map((m) => m.getAttribute('data-crosscheck-id'))),
    ).toEqual(new Set(['soft-secession']));
  });

  it('trusts its own records, not attributes the page forged', async () => {
    const root = setUp('<p>ICE and <span data-crosscheck-id="ice">forged</span></p>');
    const highlighter = new Highlighter(root, matching);
    await highlighter.annotate();
    expect(highlighter.recordFor(root.querySelector('crosscheck-mark')!)?.entry.id).toBe('ice');
    expect(highlighter.recordFor(root.querySelector('span')!)).toBeUndefined();
  });

  it('keeps adjacent page text nodes separate after destroy', async () => {
    const root = setUp('<p></p>');
    const p = root.querySelector('p')!;
    p.append('Before ', 'soft secession', ' after');
    const highlighter = new Highlighter(root, matching);
    await highlighter.annotate();
    highlighter.destroy();
    expect([...p.childNodes].map((n) => n.textContent)).toEqual(['Before ', 'soft secession', ' after']);
  });

  it('adds its stylesheet to the page with the first highlight only, and takes it out on destroy', async () => {
    const css = 'crosscheck-mark { text-decoration: underline; }';
    const ours = () => document.adoptedStyleSheets.filter((sheet) => sheet.cssRules[0]?.cssText.includes('crosscheck'));
    const plain = setUp('<p>Nothing the knowledge base knows.</p>');
    const nothingDrawn = new Highlighter(plain, matching, { styles: new HighlightStyles(css) });
    await nothingDrawn.annotate();
    expect(ours()).toEqual([]);
    nothingDrawn.destroy();

    const root = setUp('<p>The soft secession idea, and ICE.</p>');
    const highlighter = new Highlighter(root, matching, { styles: new HighlightStyles(css) });
    await highlighter.annotate();
    await highlighter.annotate(); // drawing again adds no second copy
    expect(ours()).toHaveLength(1);
    highlighter.destroy();
    expect(ours()).toEqual([]);
  });
});

// Generated article DOMs: paragraphs of words and terms, with inline wrappers and excluded islands.
const word = fc.constantFrom('the', 'soft', 'secession', 'Gavin', 'Newsom', 'ICE', 'ice', 'nice', 'and', 'states', '—');
const inline = fc.constantFrom('em', 'strong', 'a', 'span');
const excluded = fc.constantFrom('code', 'button', 'kbd');
const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' ')) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(inline, fc.array(word, { minLength: 1, maxLength: 3 }))
      .map(([t, w]) => `<${t}>${w.join(' ')}</${t}>`),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(excluded, fc.array(word, { minLength: 1, maxLength: 3 }))
      .map(([t, w]) => `<${t}>${w.join(' ')}</${t}>`),
  },
);
const articleHtml = fc
  .array(fc.array(fragment, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 })
  .map((paragraphs) => paragraphs.map((p) => `<p>${p.join(' ')}</p>`).join(''));

/** A deliberately naive reference: every term tried at every position of each paragraph's matchable text. */
function naiveMatches(root: Element): string[] {
  const found: string[] = [];
  const forms = entries.flatMap((e) => e.forms.map((f) => ({ id: e.id, text: f.text.toLowerCase() })));
  for (const p of root.querySelectorAll('p')) {
    // Matchable runs: text outside excluded elements; an excluded element splits the run.
    const runs: string[] = [''];
    for (const node of p.childNodes) {
      if (node.nodeType === 1 && ['CODE', 'BUTTON', 'KBD'].includes((node as Element).tagName)) runs.push('');
      else runs[runs.length - 1] = `${runs.at(-1)!}${node.textContent ?? ''}`;
    }
    for (const run of runs) {
      const lower = run.toLowerCase();
      let at = 0;
      while (at < lower.length) {
        const isWord = (c: string | undefined) => c !== undefined && /[a-z0-9]/i.test(c);
        const hits = forms.filter(
          (f) =>
            lower.startsWith(f.text, at) &&
            !isWord(lower[at - 1]) &&
            !isWord(lower[at + f.text.length]) &&
            (f.id !== 'ice' || run.startsWith('ICE', at)),
        );
        const best = hits.sort((a, b) => b.text.length - a.text.length)[0];
        if (best) {
          found.push(`${best.id}:${run.slice(at, at + best.text.length)}`);
          at += best.text.length;
        } else at++;
      }
    }
  }
  return found;
}

function groupedMatches(root: Element, highlighter: Highlighter): string[] {
  return highlighter
    .highlights()
    .filter((m) => !m.hasAttribute('data-crosscheck-continued'))
    .map((m) => {
      const record = highlighter.recordFor(m)!;
      return `${record.entry.id}:${record.elements.map((e) => e.textContent).join('')}`;
    });
}

describe('withUntrackedIterators', () => {
  it('hands out TreeWalkers during the call only, and restores the document even on error', () => {
    expect(withUntrackedIterators(() => document.createNodeIterator(document.body))).toBeInstanceOf(TreeWalker);
    expect(() =>
      withUntrackedIterators(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(Object.prototype.hasOwnProperty.call(document, 'createNodeIterator')).toBe(false);
    expect(document.createNodeIterator(document.body)).toBeInstanceOf(NodeIterator);
  });
});

describe('textNodeCursor', () => {
  /** The nodes mark.js reads from an iterator: one step back, then forward (twice once it has started). */
  const readAsMarkJs = (iterator: { nextNode(): Node | null; previousNode(): Node | null }): string[] => {
    const read: string[] = [];
    for (;;) {
      const previous = iterator.previousNode();
      const node = previous === null ? iterator.nextNode() : iterator.nextNode() && iterator.nextNode();
      if (node === null) return read;
      read.push(node.textContent ?? '');
    }
  };
  const notInCode = (node: Node) =>
    node.parentElement?.closest('code') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;

  it.each([
    ['plain', '<p>one <em>two</em> three</p><p>four</p>', null],
    ['filtered', '<p>one <code>x</code> two <span><code>y</code> three</span></p><code>z</code>', notInCode],
    ['filtered at the ends', '<code>a</code><p>one</p><code>b</code>', notInCode],
    ['one node', '<p>only</p>', null],
    ['no text', '<p><br></p>', null],
  ])('reads the text nodes a NodeIterator gives mark.js: %s', (_, html, filter) => {
    const root = setUp(html);
    const expected = readAsMarkJs(document.createNodeIterator(root, NodeFilter.SHOW_TEXT, filter));
    expect(readAsMarkJs(textNodeCursor(root, filter ?? undefined))).toEqual(expected);
    expect(expected.length).toBeGreaterThanOrEqual(html === '<p><br></p>' ? 0 : 1);
  });
});

describe('markCalls', () => {
  /** markCalls for every match of `pattern` in `root`'s text, one record for all. */
  const markCallsFor = (root: Element, pattern: RegExp) => {
    const collected = collectText(root, () => false);
    const record = { entry: entries[0]!, figure: null, elements: [], range: null };
    const ranges = [...collected.text.matchAll(pattern)].map((m) => ({
      ...toRawRange(collected, m.index, m.index + m[0].length),
      record,
    }));
    return markCalls(root, ranges, collected);
  };

  it('reads neighbouring blocks together up to MAX_CONTEXT_CHARS, with offsets relative to them', () => {
    const paragraph = (i: number) => `<p>Paragraph ${i} says soft secession ${'and more '.repeat(i % 7)}once.</p>`;
    const root = setUp(
      `<section>${Array.from({ length: 60 }, (_, i) => paragraph(i)).join('')}</section><p>${'long '.repeat(600)}soft secession</p>`,
    );
    const calls = markCallsFor(root, /soft secession/g);
    expect(calls.length).toBeGreaterThan(2);
    expect(calls.flatMap((call) => call.ranges)).toHaveLength(61);
    for (const { context, ranges: local } of calls) {
      const blocks = context as HTMLElement[];
      const text = blocks.map((block) => block.textContent).join('');
      // Only a block too long by itself exceeds the limit, alone in its call.
      if (blocks.length > 1) expect(text.length).toBeLessThanOrEqual(MAX_CONTEXT_CHARS);
      for (const { start, length } of local) expect(text.slice(start, start + length)).toBe('soft secession');
    }
  });

  it('joins fewer blocks where highlights are dense: a call copies at most MAX_CALL_COPY (its ranges times its text)', () => {
    const root = setUp(
      Array.from({ length: 30 }, (_, i) => `<p>${i}: ${'soft secession, '.repeat(10)}end.</p>`).join(''),
    );
    const calls = markCallsFor(root, /soft secession/g);
    expect(calls.flatMap((call) => call.ranges)).toHaveLength(300);
    for (const { context, ranges: local } of calls) {
      const blocks = context as HTMLElement[];
      const text = blocks.map((block) => block.textContent).join('');
      // Only a block too dense by itself exceeds the limit, alone in its call.
      if (blocks.length > 1) expect(local.length * text.length).toBeLessThanOrEqual(MAX_CALL_COPY);
      for (const { start, length } of local) expect(text.slice(start, start + length)).toBe('soft secession');
    }
    // Still more than one block to a call where they fit.
    expect(calls.some(({ context }) => (context as HTMLElement[]).length > 1)).toBe(true);
  });
});

describe('Highlighter, calm (first mention of an entry in each section)', () => {
  const figureMatcher = createPageMatcher({
    entries,
    sourceCount: 0,
    figures: [
      {
        id: 'compact-members',
        label: 'States in the compact',
        unit: { kind: 'count', noun: 'states' },
        cues: [['compact']],
        stated: [],
        asOf: null,
      },
    ],
  });

  it.each<[string, string, string[]]>([
    ['a repeated name once', '<p>ICE said ICE would come. ICE did.</p>', ['ice:ICE']],
    ['repeats across paragraphs once', '<p>ICE came.</p><p>Then ICE left.</p>', ['ice:ICE']],
    [
      'once in each section',
      '<p>ICE came.</p><h2>Later</h2><p>ICE left.</p><p>ICE again.</p><h3>Last</h3><p>And ICE.</p>',
      ['ice:ICE', 'ice:ICE', 'ice:ICE'],
    ],
    [
      'each entry its own first',
      '<p>ICE and soft secession, then ICE and soft secession.</p>',
      ['ice:ICE', 'soft-secession:soft secession'],
    ],
    [
      'once in each language: a declared language starts a section',
      '<p lang="zh">是时候让美国人开始讨论“软脱离”了。</p><p>Time for soft secession. Soft secession is here.</p>',
      ['soft-secession:软脱离', 'soft-secession:soft secession'],
    ],
    [
      'once in each language: a block in another script, undeclared, starts one too',
      '<p>是时候让美国人开始讨论“软脱离”了。</p><p>Time for soft secession.</p><p>Soft secession is here.</p>',
      ['soft-secession:软脱离', 'soft-secession:soft secession'],
    ],
    [
      'once in each language, the languages in windows of their own',
      `<p>${'讨论'.repeat(600)}“软脱离”。</p><p>${'Word after word. '.repeat(80)}Soft secession, soft secession.</p>`,
      ['soft-secession:软脱离', 'soft-secession:Soft secession'],
    ],
    [
      'a language met again in the same section has had its first mention',
      '<p lang="zh">讨论“软脱离”。</p><p>Soft secession.</p><p lang="zh">“软脱离”。</p><h2>Later</h2><p>Soft secession.</p>',
      ['soft-secession:软脱离', 'soft-secession:Soft secession', 'soft-secession:Soft secession'],
    ],
    [
      'figures every time',
      '<p>17 states joined the compact. By May, 18 states had joined the compact.</p>',
      ['compact-members:17 states', 'compact-members:18 states'],
    ],
  ])('%s', async (_name, html, expected) => {
    const root = setUp(html);
    await new Highlighter(root, new MatchingEngine(() => figureMatcher), { everyMention: false }).annotate();
    expect(marked(root)).toEqual(expected);
  });

  it('draws a first mention again after the page re-rendered it away, and counts every mention', async () => {
    const root = setUp('<p id="first">ICE came.</p><p>ICE left.</p>');
    const highlighter = new Highlighter(root, matching, { everyMention: false });
    await highlighter.annotate();
    expect(marked(root)).toEqual(['ice:ICE']);
    const first = document.getElementById('first')!;
    first.textContent = 'ICE came back.'; // the page re-renders the paragraph, our highlight gone
    await highlighter.annotate(first);
    expect(marked(root)).toEqual(['ice:ICE']);
    expect(first.querySelector('crosscheck-mark')).not.toBeNull();
    expect([...(await highlighter.countMentions()).values()].map(({ entry, count }) => [entry.id, count])).toEqual([
      ['ice', 2],
    ]);
  });

  it('counts mentions once per change: repeated asks reuse the count until a pass or a removal', async () => {
    const root = setUp('<p>ICE came.</p><p id="second">ICE left.</p>');
    const highlighter = new Highlighter(root, matching, { everyMention: false });
    await highlighter.annotate();
    const counts = await highlighter.countMentions();
    expect(await highlighter.countMentions()).toBe(counts);
    root.insertAdjacentHTML('beforeend', '<p id="third">ICE again.</p>');
    await highlighter.annotate(document.getElementById('third')!);
    expect((await highlighter.countMentions()).get('ice')?.count).toBe(3);
    document.getElementById('second')!.setAttribute('contenteditable', 'true');
    highlighter.remove(document.getElementById('second')!);
    expect((await highlighter.countMentions()).get('ice')?.count).toBe(2);
  });
});

describe('Highlighter with the reader’s tracked terms', () => {
  const tracked = [
    { ...entry('tracked-7', ['water compact']), label: 'water compact' },
    { ...entry('tracked-8', ['ICE raids'], 'organization'), label: 'ICE raids' },
  ];
  const withTracked = new MatchingEngine(() => createPageMatcher({ entries, figures: [], sourceCount: 0 }, tracked));
  const html = '<p>ICE raids and the water compact.</p>';

  it('draws none of them unless asked: the page holds what the knowledge base alone gives', async () => {
    const root = setUp(html);
    const highlighter = new Highlighter(root, withTracked);
    await highlighter.annotate();
    expect(marked(root)).toEqual(['ice:ICE']);
    expect(document.documentElement.outerHTML).not.toContain('tracked');
    // The popup (an extension page) still hears of them.
    expect([...(await highlighter.countMentions()).keys()]).toEqual(['tracked-8', 'tracked-7']);
  });

  it('asked, draws them with no number or label in the page, the real id kept in its own record', async () => {
    const root = setUp(html);
    const highlighter = new Highlighter(root, withTracked, { withTracked: true });
    await highlighter.annotate();
    expect(marked(root)).toEqual(['tracked:ICE raids', 'tracked:water compact']);
    expect(document.documentElement.outerHTML).not.toMatch(/tracked-|water compact"|ICE raids"/);
    const marks = [...root.querySelectorAll('crosscheck-mark')];
    expect(marks.map((mark) => highlighter.recordFor(mark)?.entry.id)).toEqual(['tracked-8', 'tracked-7']);
  });
});

describe('Highlighter counting mentions (the popup)', () => {
  it('asks about a long article in requests of about 50,000 characters, full names carried from one to the next', async () => {
    const newsom: IndexedEntry = {
      id: 'gavin-newsom',
      category: 'person',
      label: 'Gavin Newsom',
      forms: [
        { text: 'Gavin Newsom', caseSensitive: false, shortForm: false },
        { text: 'Newsom', caseSensitive: false, shortForm: true },
      ],
    };
    const engine = new MatchingEngine(() => createPageMatcher({ entries: [newsom], figures: [], sourceCount: 0 }));
    const requests: number[] = [];
    const recording = observed(engine, (windows) => requests.push(windows.join('').length));
    const filler = Array.from({ length: 3000 }, () => '<p>Nothing to see in this paragraph.</p>').join('');
    const root = setUp(`<p>Gavin Newsom spoke.</p>${filler}<p>Then Newsom left.</p>`);
    const counts = await new Highlighter(root, recording).countMentions();
    expect(counts.get('gavin-newsom')?.count).toBe(2);
    expect(requests.length).toBeGreaterThan(1);
    for (const chars of requests) expect(chars).toBeLessThan(51_000);
  });
});

/** A viewport nothing on the page is in: the whole pass is drawn in idle time. */
const OUT_OF_VIEW: Viewport = { height: () => 100, extentOf: () => ({ top: 10_000, bottom: 10_020 }) };

describe('Highlighter slices', () => {
  it('asks for the text in view first, draws it, then asks for the rest', async () => {
    const root = setUp(
      Array.from({ length: 40 }, (_, i) => `<p>Paragraph ${i}: ${'soft secession and ICE. '.repeat(10)}</p>`).join(''),
    );
    const paragraphs = [...root.querySelectorAll('p')];
    // The first two paragraphs are in view.
    const viewport: Viewport = {
      height: () => 100,
      extentOf: (node) => {
        const top = paragraphs.indexOf(node.parentElement!.closest('p')!) < 2 ? 10 : 5000;
        return { top, bottom: top + 20 };
      },
    };
    const requests: { windows: number; marks: number }[] = [];
    const recording = observed(matching, (windows) =>
      requests.push({ windows: windows.length, marks: root.querySelectorAll('crosscheck-mark').length }),
    );
    await new Highlighter(root, recording, { pageEdits: () => 0, viewport }).annotate();
    expect(requests.length).toBeGreaterThan(1);
    // The first request holds the windows up to the first one read below the viewport, and no more.
    expect(requests[0]!.windows).toBeLessThan(paragraphs.length / 2);
    expect(requests[0]!.marks).toBe(0);
    expect(requests[1]!.marks).toBeGreaterThan(0);
    expect(marked(root)).toHaveLength(40 * 20);
  });

  it('starts over when the page edits the text while an answer is on its way', async () => {
    const root = setUp(Array.from({ length: 10 }, () => '<p>soft secession</p>').join(''));
    let edited = false;
    const editing = observed(matching, () => {
      if (!edited) {
        edited = true;
        root.insertAdjacentHTML('afterbegin', '<p>ICE arrives first.</p>');
      }
    });
    await new Highlighter(root, editing).annotate();
    expect(marked(root)).toEqual(['ice:ICE', ...Array.from({ length: 10 }, () => 'soft-secession:soft secession')]);
  });

  it('ends quietly, the page as it was, when nobody answers (the extension was updated under it)', async () => {
    const root = setUp('<p>soft secession</p>');
    const before = root.innerHTML;
    const gone: PageMatching = {
      matchWindows: () => Promise.reject(new Error('Extension context invalidated.')),
      checkFigure: () => Promise.reject(new Error('Extension context invalidated.')),
    };
    performance.clearMeasures('crosscheck:annotate');
    await expect(new Highlighter(root, gone).annotate()).resolves.toEqual([]);
    expect(root.innerHTML).toBe(before);
    expect(performance.getEntriesByName('crosscheck:annotate')).toHaveLength(1);
  });

  it('wraps a long article in several slices and yields between them', async () => {
    const root = setUp(
      Array.from({ length: 400 }, (_, i) => `<p>Paragraph ${i}: soft secession and ICE.</p>`).join(''),
    );
    let yields = 0;
    const highlighter = new Highlighter(root, matching, {
      yieldToPage: () => {
        yields++;
        return Promise.resolve();
      },
    });
    const records = await highlighter.annotate();
    expect(records).toHaveLength(800);
    expect(yields).toBeGreaterThan(0);
    expect(marked(root)).toEqual(
      Array.from({ length: 400 }, () => ['soft-secession:soft secession', 'ice:ICE']).flat(),
    );
  });

  it('yields while matching a long article once a task has used its budget', async () => {
    const root = setUp(Array.from({ length: 400 }, (_, i) => `<p>Paragraph ${i}: soft secession.</p>`).join(''));
    let now = 0;
    // Every reading of the clock is a whole budget later: every check finds the task over budget.
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => (now += SLICE_BUDGET_MS));
    const marksAtYields: number[] = [];
    const highlighter = new Highlighter(root, matching, {
      yieldToPage: () => {
        marksAtYields.push(root.querySelectorAll('crosscheck-mark').length);
        return Promise.resolve();
      },
    });
    try {
      await highlighter.annotate();
    } finally {
      clock.mockRestore();
    }
    expect(marksAtYields.filter((marks) => marks === 0).length).toBeGreaterThan(1);
    expect(marked(root)).toEqual(Array.from({ length: 400 }, () => 'soft-secession:soft secession'));
  });

  it.each([2, 3, 6, 10])(
    'draws out of view in steps, so a task given %i ms of idle time ends within it (and DRAW_BUDGET_MS)',
    async (idleMs) => {
      const root = setUp(Array.from({ length: 60 }, () => `<p>${'ICE '.repeat(10)}</p>`).join(''));
      // Only drawing takes time, 0.05 ms a highlight; everything is far below the viewport.
      let now = 0;
      const clock = vi.spyOn(performance, 'now').mockImplementation(() => now);
      const renderer: Renderer = {
        render: (_scope, slice) => {
          now += slice.length * 0.05;
        },
        remove: () => undefined,
        destroy: () => undefined,
      };
      const idleTasks: number[] = [];
      let idleTaskStartedAt: number | null = null;
      const endIdleTask = () => {
        if (idleTaskStartedAt !== null) idleTasks.push(now - idleTaskStartedAt);
      };
      try {
        const highlighter = new Highlighter(root, matching, {
          pageEdits: () => 0,
          renderer,
          viewport: { height: () => 100, extentOf: () => ({ top: 5000, bottom: 5020 }) },
          yieldToPage: async () => undefined,
          yieldUntilIdle: async () => {
            endIdleTask();
            idleTaskStartedAt = now;
            return idleMs;
          },
        });
        await highlighter.annotate();
        endIdleTask();
      } finally {
        clock.mockRestore();
      }
      expect(idleTasks.length).toBeGreaterThan(1);
      // At most one smallest step (10 highlights) over.
      for (const task of idleTasks) expect(task).toBeLessThanOrEqual(Math.min(idleMs, DRAW_BUDGET_MS) + 0.5 + 1e-9);
    },
  );

  it('starts over when the page edits the text while it matches', async () => {
    const root = setUp(Array.from({ length: 400 }, () => '<p>soft secession</p>').join(''));
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => (now += SLICE_BUDGET_MS));
    // The first yield comes before the pass reads the text; the second, while it matches.
    let yields = 0;
    const highlighter = new Highlighter(root, matching, {
      yieldToPage: async () => {
        if (++yields === 2) root.insertAdjacentHTML('afterbegin', '<p>ICE arrives first.</p>');
      },
    });
    try {
      await highlighter.annotate();
    } finally {
      clock.mockRestore();
    }
    expect(marked(root)).toEqual(['ice:ICE', ...Array.from({ length: 400 }, () => 'soft-secession:soft secession')]);
  });

  it('starts over when the page edits the text between slices', async () => {
    const root = setUp(Array.from({ length: 400 }, () => '<p>soft secession</p>').join(''));
    let edited = false;
    const editOnce = () => {
      if (!edited && root.querySelectorAll('crosscheck-mark').length > 0) {
        edited = true;
        root.insertAdjacentHTML('afterbegin', '<p>ICE arrives first.</p>');
      }
    };
    const highlighter = new Highlighter(root, matching, {
      yieldToPage: async () => editOnce(),
      yieldUntilIdle: async () => {
        editOnce();
        return 1; // a short idle period: one slice at a time
      },
      viewport: OUT_OF_VIEW, // every highlight drawn in idle time
    });
    await highlighter.annotate();
    expect(edited).toBe(true);
    expect(marked(root)).toEqual(['ice:ICE', ...Array.from({ length: 400 }, () => 'soft-secession:soft secession')]);
  });
});

describe('Highlighter properties', () => {
  it('preserves text, is idempotent, restores the DOM, and agrees with a naive matcher', async () => {
    await fc.assert(
      fc.asyncProperty(articleHtml, async (html) => {
        const root = setUp(html);
        const before = root.innerHTML;
        const text = root.textContent;
        const highlighter = new Highlighter(root, matching);
        await highlighter.annotate();
        expect(root.textContent).toBe(text);
        const once = root.innerHTML;
        await highlighter.annotate();
        expect(root.innerHTML).toBe(once);
        expect(groupedMatches(root, highlighter)).toEqual(naiveMatches(root));
        expect(root.querySelectorAll('code crosscheck-mark, button crosscheck-mark, kbd crosscheck-mark')).toHaveLength(
          0,
        );
        highlighter.destroy();
        expect(root.innerHTML).toBe(before);
      }),
      { numRuns: 300 },
    );
  });
});

function inDocumentOrder(highlighter: Highlighter): string[] {
  return highlighter.records().map((r) => `${r.entry.id}:${r.elements.map((e) => e.textContent).join('')}`);
}

describe('Highlighter drawing what is in view first', () => {
  it('ends with the DOM and records of one pass drawn in one go, whatever is in view and however idle time comes', async () => {
    await fc.assert(
      fc.asyncProperty(
        articleHtml,
        fc.boolean(),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 8 }),
        async (html, everyMention, places, idleBudgets) => {
          const oneGo = setUp(html);
          // As under a live annotator, whose observer counts the page's own edits (none here).
          const reference = new Highlighter(oneGo, matching, { everyMention, pageEdits: () => 0 });
          const referenceRecords = await reference.annotate();
          const expected = oneGo.innerHTML;
          const expectedMatches = inDocumentOrder(reference);

          const root = setUp(html);
          // Each paragraph is above the viewport, in it, just below it or far below it, by its
          // index; every check of the clock finds the task over budget, so the pass yields and
          // draws in small slices, idle periods of a few milliseconds each.
          const paragraphs = [...root.querySelectorAll('p')];
          const place = (node: Text) => {
            const block = node.parentElement!.closest('p');
            return places[Math.max(0, paragraphs.indexOf(block!)) % places.length]!;
          };
          const viewport: Viewport = {
            height: () => 100,
            extentOf: (node) => {
              const top = [-5000, 10, 600, 5000][place(node)]!;
              return { top, bottom: top + 20 };
            },
          };
          let idle = 0;
          let now = 0;
          const clock = vi.spyOn(performance, 'now').mockImplementation(() => (now += 3));
          try {
            const highlighter = new Highlighter(root, matching, {
              everyMention,
              pageEdits: () => 0,
              viewport,
              yieldToPage: async () => undefined,
              yieldUntilIdle: async () => idleBudgets[idle++ % idleBudgets.length]!,
            });
            const records = await highlighter.annotate();
            expect(root.innerHTML).toBe(expected);
            expect(records.map((r) => r.entry.id)).toEqual(referenceRecords.map((r) => r.entry.id));
            expect(inDocumentOrder(highlighter)).toEqual(expectedMatches);
          } finally {
            clock.mockRestore();
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
