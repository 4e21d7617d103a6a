import type { PageMatching } from '../services/matching-service';
import { MARK_TAG, OFF_LIMITS_ATTRIBUTES } from '../article/exclusions';
import { isInlineElement } from '../article/text-collector';
import { backoffDelay, RecentEvents } from './backoff';
import { Highlighter, type HighlighterOptions } from '../annotate/highlighter';

/** Keeps an article annotated while the page changes it (see LiveAnnotator). */

const OBSERVED: MutationObserverInit = {
  childList: true,
  characterData: true,
  subtree: true,
  attributeFilter: OFF_LIMITS_ATTRIBUTES,
};

/** Quiet time before a batch of page changes is annotated: infinite scroll adds in bursts. */
export const BATCH_DELAY_MS = 120;
/** Subtrees annotated per batch at most; the rest wait for the next batch. */
export const MAX_SCOPES_PER_BATCH = 20;
/** Prompt passes over one block; after these, a block the page keeps rewriting waits until it is quiet. */
export const MAX_PASSES_PER_SCOPE = 3;
/** How long a rewritten block must stay unchanged before it is annotated again (doubling while the page goes on). */
export const QUIET_MS = 1000;
/** The longest quiet time asked for. */
export const MAX_QUIET_MS = 30_000;
/** How long quiet passes count towards the next quiet time. */
const QUIET_MEMORY_MS = 300_000;
/**
 * Times the page may remove our highlights within STRIP_MEMORY_MS before it counts as fighting
 * them: then every block it strips waits until it is quiet, even a block it has just created.
 */
export const MAX_PROMPT_STRIPS = 10;
const STRIP_MEMORY_MS = 10_000;

/**
 * Keeps an article annotated while the page changes it: one MutationObserver, off while the
 * highlighter changes the DOM so it never sees our own mutations, batching added or changed subtrees
 * and annotating only those. It also tells the highlighter when the page edited the text in the
 * middle of a sliced pass.
 *
 * A page that keeps rewriting a block (a ticker, a framework re-render, a script that strips our
 * highlights) gets a few prompt passes over it, then one more each time the block has been quiet
 * for a while, the quiet time doubling while the page goes on: it is never given up, and never a loop.
 * A region that becomes editable or inert loses its highlights at once.
 */
export class LiveAnnotator {
  readonly highlighter: Highlighter;
  private readonly observer: MutationObserver;
  /** Blocks to annotate at the next batch. */
  private readonly pending = new Set<Element>();
  /** Blocks waiting for quiet, with the time the page last changed each. */
  private readonly waiting = new Map<Element, number>();
  private readonly passes = new WeakMap<Element, number>();
  private readonly quietPasses = new RecentEvents(QUIET_MEMORY_MS);
  private readonly strips = new RecentEvents(STRIP_MEMORY_MS);
  private batchTimer: ReturnType<typeof setTimeout> | undefined;
  private quietTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly abort = new AbortController();
  private destroyed = false;
  /** The page's own edits seen so far (ours never reach the callback). */
  private pageEdits = 0;

  constructor(
    readonly root: Element,
    /** Where the text is matched (see Highlighter). */
    matching: PageMatching,
    options: Omit<HighlighterOptions, 'ownMutations' | 'pageEdits'> = {},
  ) {
    this.observer = new MutationObserver((records) => this.onRecords(records));
    this.highlighter = new Highlighter(root, matching, {
      ...options,
      ownMutations: (change) => this.whileNotObserving(change),
      pageEdits: () => this.pageEdits,
    });
    if (!options.includeEditable) {
      root.ownerDocument.addEventListener('focusin', (event) => this.onFocusIn(event), {
        capture: true,
        signal: this.abort.signal,
      });
    }
  }

  /** Annotates the article, then follows its changes. Resolves when the first pass is done. */
  async start(): Promise<void> {
    this.observer.observe(this.root, OBSERVED);
    await this.highlighter.annotate();
  }

  destroy(): void {
    this.destroyed = true;
    this.observer.disconnect();
    this.abort.abort();
    clearTimeout(this.batchTimer);
    clearTimeout(this.quietTimer);
    this.pending.clear();
    this.waiting.clear();
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
    const changed = new Set<Element>();
    const offLimits: Element[] = [];
    let stripped = false;
    for (const record of records) {
      if (record.type === 'characterData') {
        const parent = record.target.parentElement;
        if (parent) changed.add(parent);
      } else if (record.type === 'attributes') {
        const element = record.target as Element;
        if (this.highlighter.excludes(element)) offLimits.push(element);
        else changed.add(element);
      } else {
        for (const node of record.addedNodes) {
          const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
          if (element) changed.add(element);
        }
        // A page that re-renders or strips our highlights removes them: look at that block again.
        if ([...record.removedNodes].some(holdsHighlight)) {
          stripped = true;
          changed.add(record.target as Element);
        }
      }
    }
    for (const element of offLimits) this.highlighter.remove(element);
    const now = performance.now();
    if (stripped) this.strips.record(now);
    const fighting = stripped && this.strips.count(now) > MAX_PROMPT_STRIPS;
    for (const element of changed) {
      const scope = this.scopeOf(element);
      if (!scope) continue;
      if (fighting || this.waiting.has(scope) || (this.passes.get(scope) ?? 0) >= MAX_PASSES_PER_SCOPE) {
        this.pending.delete(scope);
        this.waiting.set(scope, now);
      } else {
        this.pending.add(scope);
      }
    }
    if (this.pending.size > 0 && this.batchTimer === undefined) {
      this.batchTimer = setTimeout(() => this.flush(), BATCH_DELAY_MS);
    }
    if (this.waiting.size > 0) this.scheduleQuietPass();
  }

  /**
   * An editor can also come from outside the attributes we observe (designMode, an editable
   * ancestor of the article, CSS): whatever the reader is about to type into loses its highlights first.
   */
  private onFocusIn(event: Event): void {
    const target = event.target;
    if (!(target instanceof HTMLElement) || !target.isContentEditable) return;
    if (target.contains(this.root)) this.highlighter.remove(this.root);
    else if (this.root.contains(target)) this.highlighter.remove(target);
  }

  /** The nearest block around `element`, so a match can span the new text's neighbours; null when off limits. */
  private scopeOf(element: Element): Element | null {
    let scope: Element | null = element;
    while (scope && scope !== this.root && isInlineElement(scope)) scope = scope.parentElement;
    if (!scope || !this.root.contains(scope) || scope.closest(MARK_TAG)) return null;
    return this.highlighter.excludes(scope) ? null : scope;
  }

  /** Annotates the pending blocks (outermost only), a batch at a time. */
  private flush(): void {
    this.batchTimer = undefined;
    if (this.destroyed) return;
    const scopes = outermost([...this.pending]);
    this.pending.clear();
    for (const scope of scopes.slice(MAX_SCOPES_PER_BATCH)) this.pending.add(scope);
    for (const scope of scopes.slice(0, MAX_SCOPES_PER_BATCH)) {
      this.passes.set(scope, (this.passes.get(scope) ?? 0) + 1);
      void this.highlighter.annotate(scope);
    }
    if (this.pending.size > 0) this.batchTimer = setTimeout(() => this.flush(), BATCH_DELAY_MS);
  }

  /** Sets the quiet timer for the block that has waited longest (a block the page changes again waits again). */
  private scheduleQuietPass(): void {
    clearTimeout(this.quietTimer);
    const now = performance.now();
    const quietFor = this.quietTime(now);
    const lastChange = Math.min(...this.waiting.values());
    this.quietTimer = setTimeout(() => this.flushQuiet(), Math.max(0, lastChange + quietFor - now));
  }

  private quietTime(now: number): number {
    return backoffDelay(QUIET_MS, MAX_QUIET_MS, this.quietPasses.count(now));
  }

  /** Annotates the waiting blocks that have been quiet long enough, once each. */
  private flushQuiet(): void {
    this.quietTimer = undefined;
    if (this.destroyed) return;
    const now = performance.now();
    const quietFor = this.quietTime(now);
    const quiet: Element[] = [];
    for (const [scope, changedAt] of this.waiting) {
      if (!scope.isConnected) this.waiting.delete(scope);
      else if (now - changedAt >= quietFor) {
        quiet.push(scope);
        this.waiting.delete(scope);
      }
    }
    if (quiet.length > 0) this.quietPasses.record(now);
    for (const scope of outermost(quiet)) void this.highlighter.annotate(scope);
    if (this.waiting.size > 0) this.scheduleQuietPass();
  }
}

/** Drops the elements inside another of the list: a pass over the outer one covers them. */
function outermost(elements: readonly Element[]): Element[] {
  return elements.filter(
    (element) => element.isConnected && !elements.some((other) => other !== element && other.contains(element)),
  );
}

/** Whether a removed node is, or holds, one of our highlights. */
function holdsHighlight(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const element = node as Element;
  return element.localName === MARK_TAG || element.getElementsByTagName(MARK_TAG).length > 0;
}
