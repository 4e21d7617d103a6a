// @vitest-environment happy-dom
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { BARRIER } from '@/lib/text/fold';
import { collectText, textCollector, windowEnd, type TextMap } from '@/lib/article/text-collector';

afterEach(() => {
  document.body.innerHTML = '';
});

const B = BARRIER;
const skipCode = (element: Element) => element.localName === 'code';

function setUp(html: string): HTMLElement {
  document.body.innerHTML = `<article>${html}</article>`;
  return document.querySelector('article')!;
}

describe('collectText', () => {
  it.each<[string, string, string]>([
    ['inline elements join', '<p>soft <em>secession</em> now</p>', `soft secession now${B}`],
    ['blocks stand apart', '<p>one</p><p>two</p>', `one${B}two${B}`],
    ['a line break reads as a space', '<p>one<br>two</p>', `one two${B}`],
    ['skipped text is a barrier', '<p>one <code>x = 1</code> two</p>', `one ${B} two${B}`],
    ['text beside a nested block', '<div>lead<p>inner</p>tail</div>', `lead${B}inner${B}tail${B}`],
    ['script text is not read', '<p>one<script>var a;</script> two</p>', `one${B} two${B}`],
  ])('%s', (_, html, text) => {
    expect(collectText(setUp(html), skipCode).text).toBe(text);
  });
});

/** Random article markup: blocks and inline elements, line breaks and code, nested a few levels. */
const word = fc.constantFrom('soft', 'secession', 'Printz', '$76 billion', 'and', ' ', 'the states,');
const markup: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    word,
    fc.constant('<br>'),
    fc
      .tuple(fc.constantFrom('p', 'div', 'section', 'em', 'span', 'a', 'code'), fc.array(tie('node'), { maxLength: 5 }))
      .map(([tag, children]) => `<${tag}>${children.join('')}</${tag}>`),
  ),
})).node;

/** What a caller can see of a text map: offsets of segments and blocks. */
function shape(map: TextMap) {
  return {
    segments: map.segments.map(({ textStart, rawStart }) => [textStart, rawStart]),
    blocks: [...map.blocks.values()],
  };
}

describe('TextCollector', () => {
  it('hands out windows that end just after a barrier, reading no further ahead than the next window', () => {
    const root = setUp(Array.from({ length: 40 }, (_, i) => `<p>Paragraph ${i} names soft secession.</p>`).join(''));
    const collector = textCollector(root, skipCode);
    const first = collector.nextWindow(100)!;
    expect(first.from).toBe(0);
    expect(first.text.endsWith(B)).toBe(true);
    expect(first.text.length).toBeGreaterThanOrEqual(100);
    // Read a little past the window, never the whole article: there are 40 paragraphs.
    expect(collector.blocks.size).toBeLessThan(40);
    expect(collector.segments.length).toBeLessThan(20);
  });

  it('reads window by window what it reads at once, while read text is split and wrapped in between', () => {
    fc.assert(
      fc.property(
        fc.array(markup, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        (blocks, size, splits) => {
          const html = blocks.join('');
          const atOnce = collectText(setUp(html), skipCode);
          const root = setUp(html);
          const collector = textCollector(root, skipCode);
          let text = '';
          let read = 0;
          for (let window = collector.nextWindow(size); window; window = collector.nextWindow(size)) {
            expect(window.from).toBe(text.length);
            text += window.text;
            const end = windowEnd(text, window.from, size);
            expect(end ?? text.length).toBe(text.length);
            // Wrap a piece of a text node already read, as drawing a highlight does.
            const split = splits[read++];
            const segment = split === undefined ? undefined : collector.segments[split % collector.segments.length];
            if (segment && segment.node.isConnected && segment.node.data.length > 1) {
              const tail = segment.node.splitText(1);
              const mark = document.createElement('crosscheck-mark');
              tail.replaceWith(mark);
              mark.append(tail);
            }
          }
          expect(collector.nextWindow(size)).toBeNull();
          expect(text).toBe(atOnce.text);
          expect(shape(collector)).toEqual(shape(atOnce));
        },
      ),
      { numRuns: 150 },
    );
  });
});
