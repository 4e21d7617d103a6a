// @vitest-environment happy-dom
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BATCH_DELAY_MS,
  LiveAnnotator,
  MAX_PASSES_PER_SCOPE,
  MAX_QUIET_MS,
  QUIET_MS,
} from '@/lib/page-life/live-annotator';
import { createPageMatcher } from '@/lib/matching/page-matcher';
import { MatchingEngine } from '@/lib/services/matching-service';

const pageMatcher = createPageMatcher({
  sourceCount: 0,
  figures: [],
  entries: [
    {
      id: 'ice',
      category: 'organization',
      label: 'ICE',
      forms: [{ text: 'ICE', caseSensitive: true, shortForm: false }],
    },
    {
      id: 'soft-secession',
      category: 'concept',
      label: 'soft secession',
      forms: [{ text: 'soft secession', caseSensitive: false, shortForm: false }],
    },
  ],
});

let annotator: LiveAnnotator;
let root: HTMLElement;

beforeEach(async () => {
  document.body.innerHTML = '<article><p>soft secession</p></article><aside><p>ICE</p></aside>';
  root = document.querySelector('article')!;
  annotator = new LiveAnnotator(root, new MatchingEngine(() => pageMatcher));
  await annotator.start();
  // The annotator's batches and quiet passes wait on timers: the tests move the clock.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(() => {
  annotator.destroy();
  vi.useRealTimers();
  document.body.innerHTML = '';
});

/** Past the annotator's batch delay, and the pass it started. */
const settle = () => vi.advanceTimersByTimeAsync(BATCH_DELAY_MS + 30);
const ids = () => [...root.querySelectorAll('crosscheck-mark')].map((m) => m.getAttribute('data-crosscheck-id'));

describe('LiveAnnotator', () => {
  it('annotates paragraphs the page adds, in one batch, and nothing outside the root', async () => {
    for (let i = 0; i < 3; i++) root.insertAdjacentHTML('beforeend', '<p>ICE came.</p>');
    document.querySelector('aside')!.insertAdjacentHTML('beforeend', '<p>ICE again</p>');
    await settle();
    expect(ids()).toEqual(['soft-secession', 'ice', 'ice', 'ice']);
    expect(document.querySelectorAll('aside crosscheck-mark')).toHaveLength(0);
  });

  it('annotates text the page changes in place', async () => {
    const p = document.createElement('p');
    p.textContent = 'nothing yet';
    root.append(p);
    await settle();
    p.firstChild!.textContent = 'now ICE';
    await settle();
    expect(ids()).toEqual(['soft-secession', 'ice']);
  });

  it('does not react to its own highlights (no pass without page edits)', async () => {
    const annotate = vi.spyOn(annotator.highlighter, 'annotate');
    await settle();
    expect(annotate).not.toHaveBeenCalled();
  });

  it('annotates a block the page keeps rewriting once it has been quiet, never in a loop', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const annotate = vi.spyOn(annotator.highlighter, 'annotate');
    const p = document.createElement('p');
    root.append(p);
    // A ticker: new text every 200 ms for 4 s.
    for (let i = 0; i < 20; i++) {
      p.textContent = `ICE update ${i}`;
      await vi.advanceTimersByTimeAsync(200);
    }
    const passesOver = () => annotate.mock.calls.filter(([scope]) => scope === p).length;
    expect(passesOver()).toBe(MAX_PASSES_PER_SCOPE);
    expect(p.querySelector('crosscheck-mark')).toBeNull();
    // Quiet now: one more pass about QUIET_MS after the last change.
    await vi.advanceTimersByTimeAsync(QUIET_MS);
    expect(passesOver()).toBe(MAX_PASSES_PER_SCOPE + 1);
    expect(p.querySelector('crosscheck-mark')?.textContent).toBe('ICE');
  });

  it('answers a page that strips every highlight it sees with passes that thin out', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const annotate = vi.spyOn(annotator.highlighter, 'annotate');
    for (let i = 0; i < 5; i++) root.insertAdjacentHTML('beforeend', '<p>ICE and soft secession</p>');
    const blocks = root.children.length;
    // The page's own script: every highlight it sees is replaced by its text, as soon as it appears.
    const stripper = new MutationObserver(() => {
      for (const mark of root.querySelectorAll('crosscheck-mark')) mark.replaceWith(mark.textContent!);
    });
    stripper.observe(root, { childList: true, subtree: true });
    const passesBetween = async (ms: number) => {
      const before = annotate.mock.calls.length;
      await vi.advanceTimersByTimeAsync(ms);
      return annotate.mock.calls.length - before;
    };
    const firstMinute = await passesBetween(60_000);
    const laterMinute = await passesBetween(60_000);
    stripper.disconnect();
    // Prompt passes, then one pass per quiet period, each twice as long as the one before.
    expect(firstMinute).toBeLessThanOrEqual(blocks * (MAX_PASSES_PER_SCOPE + 6));
    expect(laterMinute).toBeLessThanOrEqual(blocks * Math.ceil(60_000 / MAX_QUIET_MS));
    expect(laterMinute).toBeGreaterThan(0); // never given up
    await passesBetween(MAX_QUIET_MS);
    expect(ids()).toContain('ice');
  });

  it('takes its highlights out of a region that becomes editable or inert, and does not annotate there', async () => {
    root.insertAdjacentHTML('beforeend', '<p id="a">ICE here</p><div id="b"><p>ICE there</p></div>');
    await settle();
    expect(ids()).toEqual(['soft-secession', 'ice', 'ice']);
    const a = document.getElementById('a')!;
    const b = document.getElementById('b')!;
    a.setAttribute('contenteditable', 'true');
    b.setAttribute('inert', '');
    await Promise.resolve();
    expect(a.innerHTML).toBe('ICE here');
    expect(b.innerHTML).toBe('<p>ICE there</p>');
    a.append(' and ICE again');
    b.insertAdjacentHTML('beforeend', '<p>ICE once more</p>');
    await settle();
    expect(ids()).toEqual(['soft-secession']);
    // No longer editable: annotated again.
    a.removeAttribute('contenteditable');
    await settle();
    expect(ids()).toEqual(['soft-secession', 'ice', 'ice']);
  });

  it('annotates nothing that a reader types into an editor inside the article, whatever its depth', async () => {
    root.insertAdjacentHTML('beforeend', '<div contenteditable="true" id="editor"><p>draft</p></div>');
    await settle();
    const editor = document.getElementById('editor')!;
    const control = editor.cloneNode(true) as HTMLElement;
    // Typing, then Enter (a new block), then more typing, each settling as a reader's pauses would.
    for (const edit of [
      (target: HTMLElement) => target.querySelector('p')!.append(' about ICE'),
      (target: HTMLElement) => target.insertAdjacentHTML('beforeend', '<div>soft secession</div>'),
      (target: HTMLElement) => target.lastElementChild!.append(' and ICE'),
      (target: HTMLElement) => target.insertAdjacentHTML('beforeend', '<div><span>ICE</span></div>'),
    ]) {
      edit(editor);
      edit(control);
      await settle();
    }
    expect(editor.innerHTML).toBe(control.innerHTML);
  });

  it('restores the page and stops observing on destroy', async () => {
    annotator.destroy();
    expect(root.innerHTML).toBe('<p>soft secession</p>');
    root.insertAdjacentHTML('beforeend', '<p>ICE</p>');
    await settle();
    expect(ids()).toEqual([]);
  });
});

/** What a page or a reader does to an article after load, applied by block index. */
type Edit =
  | { kind: 'make-editable' | 'make-inert' | 'make-plain'; block: number }
  | { kind: 'type' | 'press-enter' | 'add-editor'; block: number; words: string };

const word = fc.constantFrom('soft', 'secession', 'ICE', 'ice', 'the', 'states', 'and');
const words = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constantFrom('make-editable', 'make-inert', 'make-plain'), block: fc.nat(20) }),
  fc.record({ kind: fc.constantFrom('type', 'press-enter', 'add-editor'), block: fc.nat(20), words }),
) as fc.Arbitrary<Edit>;

function apply(article: Element, change: Edit): void {
  const blocks = article.querySelectorAll('p, div');
  const block = blocks[change.block % blocks.length];
  if (!block) return;
  switch (change.kind) {
    case 'make-editable':
      return block.setAttribute('contenteditable', 'true');
    case 'make-inert':
      return block.setAttribute('inert', '');
    case 'make-plain':
      block.removeAttribute('contenteditable');
      return block.removeAttribute('inert');
    case 'type':
      return block.append(` ${change.words}`);
    case 'press-enter':
      return block.insertAdjacentHTML('beforeend', `<div>${change.words}</div>`);
    case 'add-editor':
      return block.insertAdjacentHTML('afterend', `<div contenteditable="true"><p>${change.words}</p></div>`);
  }
}

describe('LiveAnnotator properties', () => {
  it('never leaves a highlight in an editable or inert region, however and whenever it became one', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    annotator.destroy();
    await fc.assert(
      fc.asyncProperty(
        fc.array(words, { minLength: 1, maxLength: 4 }),
        fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
        async (paragraphs, bursts) => {
          const html = paragraphs.map((text) => `<p>${text}</p>`).join('');
          document.body.innerHTML = `<article>${html}</article><section>${html}</section>`;
          const article = document.querySelector('article')!;
          const control = document.querySelector('section')!;
          const live = new LiveAnnotator(article, new MatchingEngine(() => pageMatcher));
          const started = live.start(); // its pass yields on the fake clock
          await vi.advanceTimersByTimeAsync(1);
          await started;
          // Bursts of edits with pauses between them, as a reader types.
          for (const burst of bursts) {
            for (const change of burst) {
              apply(article, change);
              apply(control, change);
            }
            await vi.advanceTimersByTimeAsync(BATCH_DELAY_MS + 10);
          }
          await vi.advanceTimersByTimeAsync(MAX_QUIET_MS);
          const offLimits = '[contenteditable="true"] crosscheck-mark, [inert] crosscheck-mark';
          expect(article.querySelectorAll(offLimits)).toHaveLength(0);
          expect(article.textContent).toBe(control.textContent);
          live.destroy();
          expect(article.innerHTML).toBe(control.innerHTML);
        },
      ),
      { numRuns: 200 },
    );
  });
});
