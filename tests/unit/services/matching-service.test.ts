import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kbIndex } from '@/lib/kb/index-data';
import {
  createPageMatcher,
  matchPage,
  precompilePageMatcher,
  type PageMatch,
  type PageMatcher,
} from '@/lib/matching/page-matcher';
import { MatchingEngine, trackingEngine } from '@/lib/services/matching-service';
import type { IndexedEntry } from '@/lib/kb/types';
import { BARRIER } from '@/lib/text/fold';

const matcher = createPageMatcher(kbIndex);
const seedText = readFileSync(new URL('../../../seeds/000_7413e54e0e4ba69d.txt', import.meta.url), 'utf8');
const paragraphs = seedText.split(/\n+/).filter((p) => p.trim().length > 0);

describe('MatchingEngine', () => {
  it('matches a page sent in requests of windows as one pass over its text, and its answers survive messaging', async () => {
    const engine = new MatchingEngine(() => matcher);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...paragraphs), { minLength: 1, maxLength: 20 }),
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 6 }),
        async (chosen, requestSizes) => {
          // Windows end at block breaks, as the text collector's do.
          const windows = chosen.map((paragraph) => paragraph + BARRIER);
          const whole = matchPage(matcher, windows.join(''), new Set());
          const found: PageMatch[] = [];
          let namedInFull: readonly string[] = [];
          let offset = 0;
          for (let at = 0, r = 0; at < windows.length; r++) {
            const request = windows.slice(at, at + requestSizes[r % requestSizes.length]!);
            at += request.length;
            // As a content script gets it: through the extension's messaging, which serialises as JSON.
            const answer = await engine.matchWindows(request, { namedInFull, withTracked: false });
            expect(JSON.parse(JSON.stringify(answer))).toEqual(answer);
            namedInFull = answer.namedInFull;
            answer.matches.forEach((matches, k) => {
              found.push(...matches.map((m) => ({ ...m, start: m.start + offset, end: m.end + offset })));
              offset += request[k]!.length;
            });
          }
          expect(found).toEqual(whole);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('loads its matcher once (on prepare, or the first request), again after a reset, and again after a failed load', async () => {
    const loads: string[] = [];
    let fail = false;
    const engine = new MatchingEngine(() => {
      loads.push(fail ? 'failed' : 'loaded');
      if (fail) throw new Error('storage unavailable');
      return matcher;
    });
    engine.prepare(); // loads it ahead of the first request
    await Promise.resolve();
    expect(loads).toEqual(['loaded']);
    await engine.matchWindows(['soft secession'], { namedInFull: [], withTracked: false });
    await engine.matchWindows(['soft secession'], { namedInFull: [], withTracked: false });
    expect(loads).toEqual(['loaded']);
    engine.reset();
    fail = true;
    await expect(engine.matchWindows(['soft secession'], { namedInFull: [], withTracked: false })).rejects.toThrow(
      'storage unavailable',
    );
    fail = false;
    expect(
      (await engine.matchWindows(['soft secession'], { namedInFull: [], withTracked: false })).matches[0],
    ).toHaveLength(1);
    expect(loads).toEqual(['loaded', 'failed', 'loaded']);
  });

  /** An engine with a warm-up text, whose matcher counts the matching's reads of it. */
  const counting = () => {
    const counted = { reads: 0, engine: null as unknown as MatchingEngine };
    const watched = new Proxy(matcher, {
      get: (target, key, receiver) => {
        if (key === 'terms') counted.reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    counted.engine = new MatchingEngine(() => watched, { warmUpText: 'Gavin Newsom signed it.' });
    return counted;
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('matches its warm-up text once, and a page’s requests never see it', async () => {
    const counted = counting();
    const { engine } = counted;
    engine.prepare();
    await settle();
    expect(counted.reads).toBe(0); // preparing only loads
    engine.warmUp();
    await settle();
    const afterWarmUp = counted.reads;
    expect(afterWarmUp).toBeGreaterThan(0);
    let asked = 0;
    engine.warmUp(async () => {
      asked++;
      return true;
    });
    await settle();
    expect(counted.reads).toBe(afterWarmUp);
    expect(asked).toBe(0); // a warm engine does not ask whether it is wanted
    // The warm-up named Gavin Newsom in full; a page that has not must not get his surname alone.
    const answer = await engine.matchWindows(['Newsom said no.'], { namedInFull: [], withTracked: false });
    expect(answer.matches[0]).toEqual([]);
    expect(answer.namedInFull).toEqual([]);
  });

  it('warms up only when wanted', async () => {
    const counted = counting();
    counted.engine.warmUp(async () => false);
    await settle();
    expect(counted.reads).toBe(0);
    counted.engine.warmUp(async () => true);
    await settle();
    expect(counted.reads).toBeGreaterThan(0);
  });

  it.each(['warm-up asked first', 'request first'])(
    'skips the warm-up when a page’s request comes while the matcher loads (%s)',
    async (when) => {
      const alone = counting();
      await alone.engine.matchWindows(['Newsom said no.'], { namedInFull: [], withTracked: false });

      const raced = counting();
      if (when === 'warm-up asked first') raced.engine.warmUp();
      const request = raced.engine.matchWindows(['Newsom said no.'], { namedInFull: [], withTracked: false });
      if (when === 'request first') raced.engine.warmUp();
      await request;
      await settle();
      expect(raced.reads).toBe(alone.reads);
    },
  );

  it('reports the matcher’s load with the request that loaded it, and not after', async () => {
    let now = 0;
    const slowLoad = (): PageMatcher => {
      now += 5;
      return matcher;
    };
    const engine = new MatchingEngine(slowLoad, { now: () => now });
    const first = await engine.matchWindows([paragraphs.join(BARRIER)], { namedInFull: [], withTracked: false });
    expect(first.timing.matcherMs).toBe(5);
    const second = await engine.matchWindows([paragraphs.join(BARRIER)], { namedInFull: [], withTracked: false });
    expect(second.timing).toEqual({ matcherMs: 0, matchMs: 0, figuresMs: 0 });
  });

  it('checks a selected figure against the claims', async () => {
    const engine = new MatchingEngine(() => matcher);
    const context = 'California holds $76 billion in reserves.';
    const start = context.indexOf('$76');
    const check = await engine.checkFigure(context, start, start + '$76 billion'.length);
    expect(check.selection).toBe('$76 billion');
    expect(check.figure?.value).toBe(76e9);
  });
});

describe('trackingEngine (the background’s)', () => {
  const data = precompilePageMatcher({
    entries: [
      {
        id: 'ice',
        category: 'organization',
        label: 'ICE',
        forms: [{ text: 'ICE', caseSensitive: true, shortForm: false }],
      },
    ],
    figures: [],
    sourceCount: 0,
  });
  const term = (text: string): IndexedEntry => ({
    id: `tracked-${text}`,
    category: 'concept',
    label: text,
    forms: [{ text, caseSensitive: false, shortForm: false }],
  });
  const found = async (engine: MatchingEngine, text: string, withTracked = true) =>
    (await engine.matchWindows([text], { namedInFull: [], withTracked })).matches[0]!.map((m) => m.entry.id);

  it('matches the stored terms, reloads only when told other terms, and keeps terms told while it read the stored ones', async () => {
    let reads = 0;
    let release: () => void = () => undefined;
    let reading: () => void = () => undefined;
    const firstRead = new Promise<void>((resolve) => (reading = resolve));
    const stored = [term('quiet quitting')];
    const { engine, track } = trackingEngine(data, async () => {
      reads++;
      if (reads === 1) {
        reading();
        await new Promise<void>((resolve) => (release = resolve));
      }
      return stored;
    });
    const first = found(engine, 'ICE and vibe coding and quiet quitting');
    await firstRead;
    // Told while the stored terms are being read: what it was told stands.
    track([term('vibe coding')]);
    release();
    expect(await first).toEqual(['ice', 'tracked-vibe coding']);
    track([term('vibe coding')]); // the same terms (the database read at start): nothing to reload
    expect(await found(engine, 'vibe coding')).toEqual(['tracked-vibe coding']);
    expect(reads).toBe(1);
    track([term('quiet quitting')]);
    expect(await found(engine, 'ICE and vibe coding and quiet quitting')).toEqual(['ice', 'tracked-quiet quitting']);
    expect(reads).toBe(2);
  });

  it('matches the tracked terms only for a request that asks for them, from one loaded matcher', async () => {
    let reads = 0;
    const { engine } = trackingEngine(data, async () => (reads++, [term('ICE raids'), term('vibe coding')]));
    const text = 'ICE raids and vibe coding';
    expect(await found(engine, text, false)).toEqual(['ice']);
    expect(await found(engine, text, true)).toEqual(['tracked-ICE raids', 'tracked-vibe coding']);
    expect(await found(engine, text, false)).toEqual(['ice']);
    expect(reads).toBe(1);
  });
});
