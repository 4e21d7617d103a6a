// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HIDE_ATTRIBUTE, PageController } from '@/lib/page-life/page-controller';
import type { PageTools, SessionOptions } from '@/lib/page-life/page-tools-loader';
import type { PageSession } from '@/lib/page-life/page-session';
import { DEFAULT_SETTINGS } from '@/lib/settings/schema';

const ARTICLE = `<nav><a href="/">Home</a></nav><article id="story">${Array.from(
  { length: 6 },
  (_, i) =>
    `<p>The governors met to discuss budgets, courts and the federal government, paragraph ${i}, at length.</p>`,
).join('')}</article>`;
const NO_ARTICLE = '<nav><a href="/">Home</a></nav><ul><li><a href="/p/1">Trail shoe</a> $45.99</li></ul>';

/** Page tools that record what they were asked, their loading held until `arrive()`. */
function fakeTools() {
  const sessions: { root: Element; options: SessionOptions; started: boolean; destroyed: boolean }[] = [];
  const tools = {
    popover: { close: vi.fn(), announce: vi.fn(), openNotice: vi.fn() },
    session: (root: Element, options: SessionOptions) => {
      const session = { root, options, started: false, destroyed: false };
      sessions.push(session);
      return {
        root,
        start: async () => void (session.started = true),
        destroy: () => void (session.destroyed = true),
        records: () => [],
        mentions: async () => [],
        reveal: () => undefined,
      } as unknown as PageSession;
    },
    checkSelection: vi.fn(async () => undefined),
    articleForSaving: vi.fn(),
    savedAddress: vi.fn(() => null),
    destroy: vi.fn(),
  };
  let arrive: () => void = () => undefined;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  const loadTools = vi.fn(async () => {
    await arrived;
    return tools as unknown as PageTools;
  });
  return { tools, sessions, loadTools, arrive };
}

function controller(loadTools: () => Promise<PageTools>) {
  return new PageController({ loadTools, isExcluded: () => false, isRendered: () => true, report: () => undefined });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let page: PageController | undefined;
afterEach(() => {
  page?.destroy();
  document.body.innerHTML = '';
});

/** Who asks: the popup, an extension page. */
const FROM_POPUP = { id: 'crosscheck' };

describe('PageController and the page tools', () => {
  it('loads nothing on a page without an article, and sets nothing on it', async () => {
    document.body.innerHTML = NO_ARTICLE;
    const { loadTools, arrive } = fakeTools();
    arrive();
    page = controller(loadTools);
    page.applySettings({ ...DEFAULT_SETTINGS, categories: { ...DEFAULT_SETTINGS.categories, person: false } });
    expect(
      await page.answers['crosscheck:page-summary']({ type: 'crosscheck:page-summary' }, FROM_POPUP),
    ).toMatchObject({ scope: 'none', entries: [] });
    expect(await page.answers['crosscheck:read-article']({ type: 'crosscheck:read-article' }, FROM_POPUP)).toBeNull();
    expect(loadTools).not.toHaveBeenCalled();
    expect(document.documentElement.hasAttribute(HIDE_ATTRIBUTE)).toBe(false);
  });

  it('loads the tools once on an article page and starts a session on the article', async () => {
    document.body.innerHTML = ARTICLE;
    const { loadTools, sessions, arrive } = fakeTools();
    page = controller(loadTools);
    page.applySettings(DEFAULT_SETTINGS);
    page.applySettings(DEFAULT_SETTINGS); // the same article: nothing new
    arrive();
    expect(
      await page.answers['crosscheck:page-summary']({ type: 'crosscheck:page-summary' }, FROM_POPUP),
    ).toMatchObject({ scope: 'article' });
    expect(loadTools).toHaveBeenCalledTimes(1);
    expect(sessions.map((s) => [s.root.id, s.started])).toEqual([['story', true]]);
  });

  it('starts no session for an article the page left while the tools were loading', async () => {
    document.body.innerHTML = ARTICLE;
    const { loadTools, sessions, arrive } = fakeTools();
    page = controller(loadTools);
    page.applySettings(DEFAULT_SETTINGS);
    page.applySettings({ ...DEFAULT_SETTINGS, enabled: false });
    arrive();
    await settle();
    expect(sessions).toEqual([]);
    page.applySettings(DEFAULT_SETTINGS);
    await settle();
    expect(sessions.map((s) => s.started)).toEqual([true]);
  });

  it('destroys tools that arrive after the page was left', async () => {
    document.body.innerHTML = ARTICLE;
    const { loadTools, tools, sessions, arrive } = fakeTools();
    page = controller(loadTools);
    page.applySettings(DEFAULT_SETTINGS);
    page.destroy();
    arrive();
    await settle();
    expect(sessions).toEqual([]);
    expect(tools.destroy).toHaveBeenCalled();
  });

  it('loads the tools when the reader asks, on any page: a check, a notice, the hiding command', async () => {
    document.body.innerHTML = NO_ARTICLE;
    const { loadTools, tools, arrive } = fakeTools();
    arrive();
    page = controller(loadTools);
    page.applySettings(DEFAULT_SETTINGS);
    await page.checkSelection();
    await page.answers['crosscheck:toggle-highlights']({ type: 'crosscheck:toggle-highlights' }, FROM_POPUP);
    expect(tools.checkSelection).toHaveBeenCalled();
    expect(tools.popover.announce).toHaveBeenCalledWith('Crosscheck highlights hidden');
    // Nothing is highlighted here: the attribute the highlights' stylesheet reads is not set.
    expect(document.documentElement.hasAttribute(HIDE_ATTRIBUTE)).toBe(false);
    expect(loadTools).toHaveBeenCalledTimes(1);
  });
});
