// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HighlightInteractions, HOVER_INTENT_MS } from '@/lib/card/highlight-interactions';
import type { Popover } from '@/lib/card/card-host';
import type { HighlightRecord } from '@/lib/annotate/renderer';

/** The reader's own input: the browser sets isTrusted, which a page's script cannot. */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

let mark: HTMLElement;
let open: ReturnType<typeof vi.fn>;
let interactions: HighlightInteractions;

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '<p>The <crosscheck-mark tabindex="-1">Bank of North Dakota</crosscheck-mark> lends.</p>';
  mark = document.querySelector('crosscheck-mark')!;
  const record: HighlightRecord = {
    entry: { id: 'bank-of-north-dakota', category: 'organization' },
    figure: null,
    elements: [mark],
    range: null,
  };
  open = vi.fn();
  const popover = {
    open,
    prepare: vi.fn(),
    stayOpen: vi.fn(),
    closeSoon: vi.fn(),
    contains: () => false,
    anchor: null,
    isPinned: false,
    isRestoringFocus: false,
  } as unknown as Popover;
  interactions = new HighlightInteractions({
    popover,
    recordFor: (element) => (element === mark ? record : undefined),
    highlights: () => [mark],
    isShown: () => true,
  });
});

afterEach(() => {
  interactions.destroy();
  vi.useRealTimers();
});

const events: [string, () => Event][] = [
  ['a click', () => new MouseEvent('click', { bubbles: true })],
  ['a pointer resting on it', () => new PointerEvent('pointerover', { bubbles: true })],
  ['Enter', () => new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })],
  ['Space', () => new KeyboardEvent('keydown', { key: ' ', bubbles: true })],
];

describe('a highlight opens its card', () => {
  it.each(events)('on the reader’s own %s', (_name, make) => {
    mark.dispatchEvent(trusted(make()));
    vi.advanceTimersByTime(HOVER_INTENT_MS);
    expect(open).toHaveBeenCalledTimes(1);
  });

  it.each(events)('never on a page’s synthetic %s', (_name, make) => {
    mark.dispatchEvent(make());
    vi.advanceTimersByTime(HOVER_INTENT_MS);
    expect(open).not.toHaveBeenCalled();
  });

  it('on focus a key of the reader’s moved there, not on a script’s focus() alone', () => {
    mark.dispatchEvent(trusted(new FocusEvent('focusin', { bubbles: true })));
    expect(open).not.toHaveBeenCalled();
    // The browser moves focus in the same task as the reader's key (Tab, or Alt+Shift+↓ here).
    document.body.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true })));
    mark.dispatchEvent(trusted(new FocusEvent('focusin', { bubbles: true })));
    expect(open).toHaveBeenCalledTimes(1);
    expect(open.mock.calls[0]![2]).toMatchObject({ focus: false, pinned: false });
  });

  it('a script’s focus() right after the reader’s key has passed opens nothing', () => {
    document.body.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'a', bubbles: true })));
    vi.advanceTimersByTime(1);
    mark.dispatchEvent(trusted(new FocusEvent('focusin', { bubbles: true })));
    expect(open).not.toHaveBeenCalled();
  });
});
