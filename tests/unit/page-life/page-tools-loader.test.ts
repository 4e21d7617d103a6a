import { describe, expect, it, vi } from 'vitest';
import {
  pageToolsLoader,
  publishPageTools,
  type CreatePageTools,
  type PageTools,
} from '@/lib/page-life/page-tools-loader';

const tools = (name: string): CreatePageTools => Object.assign(() => ({}) as PageTools, { toolsName: name });
const PUBLISHED = 'crosscheckPageTools';

describe('pageToolsLoader', () => {
  it('injects the tools once, on first need, and takes what their script published', async () => {
    const create = tools('fresh');
    const inject = vi.fn(async () => publishPageTools(create));
    const load = pageToolsLoader(inject);
    expect(inject).not.toHaveBeenCalled();
    const [first, second] = await Promise.all([load(), load()]);
    expect(await load()).toBe(create);
    expect([first, second]).toEqual([create, create]);
    expect(inject).toHaveBeenCalledTimes(1);
    // Taken: nothing is left on the shared global.
    expect(PUBLISHED in globalThis).toBe(false);
  });

  it('never takes tools that were there before its own injection', async () => {
    publishPageTools(tools('left behind by an earlier copy of the extension'));
    const load = pageToolsLoader(async () => undefined);
    await expect(load()).rejects.toThrow(/did not load/);
    const fresh = tools('fresh');
    publishPageTools(tools('left behind'));
    expect(await pageToolsLoader(async () => publishPageTools(fresh))()).toBe(fresh);
  });

  it('tries again at the next need when the injection failed', async () => {
    const create = tools('fresh');
    const inject = vi
      .fn<() => Promise<void>>()
      .mockRejectedValueOnce(new Error('Extension context invalidated'))
      .mockImplementation(async () => publishPageTools(create));
    const load = pageToolsLoader(inject);
    await expect(load()).rejects.toThrow(/invalidated/);
    expect(await load()).toBe(create);
    expect(inject).toHaveBeenCalledTimes(2);
  });
});
