import { describe, expect, it, vi } from 'vitest';
import {
  pageToolsLoader,
  publishPageTools,
  type CreatePageTools,
  type PageTools,
} from '@/lib/page-life/page-tools-loader';
import type { PageToolsWords } from '@/lib/services/messages';

const tools = (name: string): CreatePageTools => Object.assign(() => ({}) as PageTools, { toolsName: name });
const PUBLISHED = 'crosscheckPageTools';
const WORDS: PageToolsWords = {
  highlightDescriptions: {
    concept: 'Concept',
    law: 'Law',
    person: 'Person',
    organization: 'Organization',
    place: 'Place',
    figure: 'Figure',
  },
};
/** The background's side: the tools' script runs, then the answer comes with their words. */
const injecting = (create: CreatePageTools) => async () => {
  publishPageTools(create);
  return WORDS;
};

describe('pageToolsLoader', () => {
  it('injects the tools once, on first need, and takes what their script published', async () => {
    const create = tools('fresh');
    const inject = vi.fn(injecting(create));
    const load = pageToolsLoader(inject);
    expect(inject).not.toHaveBeenCalled();
    const [first, second] = await Promise.all([load(), load()]);
    expect(await load()).toEqual({ create, words: WORDS });
    expect([first!.create, second!.create]).toEqual([create, create]);
    expect(inject).toHaveBeenCalledTimes(1);
    // Taken: nothing is left on the shared global.
    expect(PUBLISHED in globalThis).toBe(false);
  });

  it('never takes tools that were there before its own injection', async () => {
    publishPageTools(tools('left behind by an earlier copy of the extension'));
    const load = pageToolsLoader(async () => WORDS);
    await expect(load()).rejects.toThrow(/did not load/);
    const fresh = tools('fresh');
    publishPageTools(tools('left behind'));
    expect((await pageToolsLoader(injecting(fresh))()).create).toBe(fresh);
  });

  it('takes no tools without their words (a sender outside a tab gets none)', async () => {
    const load = pageToolsLoader(async () => {
      publishPageTools(tools('fresh'));
      return null;
    });
    await expect(load()).rejects.toThrow(/did not load/);
  });

  it('tries again at the next need when the injection failed', async () => {
    const create = tools('fresh');
    const inject = vi
      .fn<() => Promise<PageToolsWords>>()
      .mockRejectedValueOnce(new Error('Extension context invalidated'))
      .mockImplementation(injecting(create));
    const load = pageToolsLoader(inject);
    await expect(load()).rejects.toThrow(/invalidated/);
    expect((await load()).create).toBe(create);
    expect(inject).toHaveBeenCalledTimes(2);
  });
});
