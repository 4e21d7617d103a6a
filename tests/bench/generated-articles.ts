/**
 * The benchmark's generated articles: ordinary sentences naming a few knowledge-base entries,
 * sometimes a figure, and each site's footer. Deterministic (the same corpus on every run), and
 * free of browser APIs, so the benchmark script can write a knowledge pack of them in Node too.
 */
import { kbIndex } from '@/lib/kb/index-data';

/** A small deterministic generator (mulberry32): the same corpus on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the a of to and in that for on with as by at from state county city council board water river road school ' +
  'budget tax plan vote court law rule policy report study week month year officials residents voters leaders ' +
  'said told added noted argued warned agreed expected planned proposed approved rejected reviewed announced ' +
  'new old local federal public private early late major minor long short first last several many few most'
).split(' ');
/** Knowledge-base names the articles mention: a few per article, so each is in a few per cent of them. */
export const NAMED = kbIndex.entries.filter((e) => e.forms.length > 0 && e.category !== 'figure');
const NAMES = NAMED.map((e) => e.label);
const SITES = Array.from({ length: 40 }, (_, i) => `Bench Site ${i}`);

/** An article of about `chars` characters: ordinary sentences, five names, sometimes a figure, and its site's footer. */
export function generatedArticle(n: number, chars = 5000) {
  const next = random(n + 1);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const site = SITES[n % SITES.length]!;
  const names = Array.from({ length: 5 }, () => pick(NAMES));
  const paragraphs: string[] = [];
  let length = 0;
  let sentence = 0;
  while (length < chars) {
    const words = Array.from({ length: 12 + Math.floor(next() * 14) }, () => pick(WORDS));
    if (sentence % 6 === 0) words.splice(3, 0, names[(sentence / 6) % names.length]!);
    const text = `${words.join(' ')}.`;
    const line = text[0]!.toUpperCase() + text.slice(1);
    paragraphs.push(line);
    length += line.length + 1;
    sentence++;
  }
  if (n % 10 === 0) paragraphs.push(`California has $${70 + (n % 12)} billion in reserves, the report said.`);
  // Every site prints the same footer: saving compares an article with others of its site.
  paragraphs.push(
    `This story from ${site} may be shared for personal use only and must not be reproduced for any commercial purpose.`,
  );
  const published = new Date(Date.UTC(2024, 0, 1) + n * 3_600_000).toISOString();
  return {
    text: paragraphs.join('\n'),
    metadata: {
      url: `https://bench-${n % SITES.length}.example/story/${n}`,
      title: `Story ${n}`,
      author: null,
      site,
      published,
    },
  };
}
