import type { PageMatcher } from '../kb/page-matcher';
import { MARK_TAG } from '../page/exclusions';
import { isInlineElement } from '../page/text-collector';
import { Highlighter, type HighlighterOptions } from './highlighter';

const OBSERVED: MutationObserverInit = { childList: true, characterData: true, subtree: true };

/** Quiet time before a batch of page changes is annotated: infinite scroll adds in bursts. */
export const BATCH_DELAY_MS = 120;
/** Subtrees annotated per batch at most; the rest wait for the next batch. */
export const MAX_SCOPES_PER_BATCH = 20;
/** Passes over one element at most: a page that keeps rewriting its text cannot make us loop. */
export const MAX_PASSES_PER_SCOPE = 3;

/**
 * Keeps an article annotated while the page changes it: one MutationObserver, off while the
 * highlighter changes the DOM so it never sees our own mutations, batching added or changed subtrees
 * and annotating only those. It also tells the highlighter when the page edited the text in the
 * middle of a sliced pass.
 */
export class LiveAnnotator {
  readonly highlighter: Highlighter;
  private readonly observer: MutationObserver;
  private readonly pending = new Set<Element>();
  private readonly passes = new WeakMap<Element, number>();
  /** Blocks a framework stripped of our highlights: annotated again once, never more. */
  private readonly stripped = new WeakSet<Element>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private destroyed = false;
  /** The page's own edits seen so far (ours never reach the callback). */
  private pageEdits = 0;

  constructor(
    readonly root: Element,
    /** Gives the page matcher (see Highlighter). */
    matcher: () => PageMatcher,
    options: Omit<HighlighterOptions, 'ownMutations' | 'pageEdits'> = {},
  ) {
    this.observer = new MutationObserver((records) => this.onRecords(records));
    this.highlighter = new Highlighter(root, matcher, {
      ...options,
      ownMutations: (change) => this.whileNotObserving(change),
      pageEdits: () => this.pageEdits,
    });
  }

  /** Annotates the article, then follows its changes. Resolves when the first pass is done. */
  async start(): Promise<void> {
    this.observer.observe(this.root, OBSERVED);
    await this.highlighter.annotate();
  }

  destroy(): void {
    this.destroyed = true;
    this.observer.disconnect();
    clearTimeout(this.timer);
    this.pending.clear();
    this.highlighter.destroy();
  }

  /**
   * Runs our own change unobserved: the page's pending records are handled first, then the
   * observer is off for the (synchronous) change, so it records nothing of ours and costs nothing.
   */
  private whileNotObserving(change: () => void): void {
    const pending = this.observer.takeRecords();
    if (pending.length > 0) this.onRecords(pending);
    this.observer.disconnect();
    try {
      change();
    } finally {
      if (!this.destroyed) this.observer.observe(this.root, OBSERVED);
    }
  }

  private onRecords(records: readonly MutationRecord[]): void {
    this.pageEdits += records.length;
    for (const record of records) {
      if (record.type === 'characterData') {
        this.enqueue(record.target.parentElement);
        continue;
      }
      for (const node of record.addedNodes) {
        this.enqueue(node.nodeType === 1 ? (node as Element) : node.parentElement);
      }
      // A framework that re-renders removes our highlights with its text: look at that block again.
      if ([...record.removedNodes].some((node) => node.nodeName.toLowerCase() === MARK_TAG)) {
        const target = record.target as Element;
        if (this.stripped.has(target)) continue;
        this.stripped.add(target);
        this.enqueue(target);
      }
    }
    if (this.pending.size > 0 && this.timer === undefined) {
      this.timer = setTimeout(() => this.flush(), BATCH_DELAY_MS);
    }
  }

  /** Queues the nearest block around `element`, so a match can span the new text's neighbours. */
  private enqueue(element: Element | null): void {
    let scope = element;
    while (scope && scope !== this.root && isInlineElement(scope)) scope = scope.parentElement;
    if (!scope || !this.root.contains(scope) || scope.closest(MARK_TAG)) return;
    this.pending.add(scope);
  }

  private flush(): void {
    this.timer = undefined;
    if (this.destroyed) return;
    const scopes = [...this.pending].filter(
      (scope) => scope.isConnected && ![...this.pending].some((other) => other !== scope && other.contains(scope)),
    );
    this.pending.clear();
    const batch = scopes.slice(0, MAX_SCOPES_PER_BATCH);
    for (const scope of scopes.slice(MAX_SCOPES_PER_BATCH)) this.pending.add(scope);
    for (const scope of batch) {
      const passes = this.passes.get(scope) ?? 0;
      if (passes >= MAX_PASSES_PER_SCOPE) continue;
      this.passes.set(scope, passes + 1);
      void this.highlighter.annotate(scope);
    }
    if (this.pending.size > 0) this.timer = setTimeout(() => this.flush(), BATCH_DELAY_MS);
  }
}
