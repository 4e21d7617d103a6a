// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { ignoreForgedRestarts } from '@/lib/page-life/forged-restarts';

const EVENT = 'extension-id:content:wxt:content-script-started';

describe('a "newer script started" event', () => {
  it.each<[string, boolean, number]>([
    ['is stopped while the extension is alive (a page replaying it)', true, 0],
    ['reaches WXT when the extension is gone (a real update)', false, 1],
  ])('%s', (_name, alive, calls) => {
    const controller = new AbortController();
    ignoreForgedRestarts(EVENT, () => alive, controller.signal);
    // WXT listens on the document.
    const wxt = vi.fn();
    document.addEventListener(EVENT, wxt);
    document.dispatchEvent(new CustomEvent(EVENT, { detail: { contentScriptName: 'content', messageId: 'x' } }));
    expect(wxt).toHaveBeenCalledTimes(calls);
    document.removeEventListener(EVENT, wxt);
    controller.abort();
  });
});
