// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BATCH_DELAY_MS, LiveAnnotator, MAX_PASSES_PER_SCOPE } from '@/lib/content/live-annotator';
import { createPageMatcher } from '@/lib/kb/page-matcher';

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
  annotator = new LiveAnnotator(root, () => pageMatcher);
  await annotator.start();
});
afterEach(() => {
  annotator.destroy();
  vi.useRealTimers();
  document.body.innerHTML = '';
});

const settle = () => new Promise((resolve) => setTimeout(resolve, BATCH_DELAY_MS + 30));
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

  it('stops re-annotating an element a page keeps rewriting', async () => {
    const annotate = vi.spyOn(annotator.highlighter, 'annotate');
    const p = document.createElement('p');
    root.append(p);
    for (let i = 0; i < MAX_PASSES_PER_SCOPE + 3; i++) {
      // A page that removes our highlight by re-rendering its text every time we add one.
      p.textContent = 'ICE';
      await settle();
    }
    expect(annotate.mock.calls.filter(([scope]) => scope === p)).toHaveLength(MAX_PASSES_PER_SCOPE);
  });

  it('restores the page and stops observing on destroy', async () => {
    annotator.destroy();
    expect(root.innerHTML).toBe('<p>soft secession</p>');
    root.insertAdjacentHTML('beforeend', '<p>ICE</p>');
    await settle();
    expect(ids()).toEqual([]);
  });
});
