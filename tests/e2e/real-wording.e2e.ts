import { describe, expect, it } from 'vitest';
import { extensionSuite } from '../harness/e2e';

const suite = extensionSuite();

/**
 * The forms real reporting uses (derived forms), invisible and full-width characters inside names,
 * and look-alikes, on a news-style page of our own (tests/fixtures/pages/real-wording.html).
 */
describe('real wording', () => {
  it('highlights derived forms, names with invisible or full-width characters, and no look-alike', async () => {
    const page = await suite.open('/fixtures/real-wording.html', '#acronyms [data-crosscheck-id="google"]');
    // Each entry's first highlight per paragraph: the same whether every mention is drawn or only the first.
    const byParagraph = await page.$$eval('#story p[id]', (paragraphs) =>
      Object.fromEntries(
        paragraphs.map((p) => {
          const first = new Map<string, string>();
          for (const mark of p.querySelectorAll('[data-crosscheck-id]')) {
            const id = mark.getAttribute('data-crosscheck-id')!;
            if (!first.has(id)) first.set(id, `${id}: ${mark.textContent}`);
          }
          return [p.id, [...first.values()]];
        }),
      ),
    );
    expect(byParagraph).toEqual({
      titles: ['andy-beshear: Gov. Beshear'],
      attorneys: ['rob-bonta: Attorney General Bonta', 'letitia-james: Ms. James', 'jb-pritzker: Gov. Pritzker'],
      compacts: [
        'national-popular-vote-interstate-compact: National Popular Vote bill',
        'west-coast-health-alliance: WCHA',
      ],
      // The highlight spans the page's own characters, invisible ones included.
      invisible: [
        'anti-commandeering-doctrine: anti-comman\u00addeering doctrine',
        'gavin-newsom: Gav\u00adin New\u200bsom',
      ],
      'full-width': ['california: Ｃａｌｉｆｏｒｎｉａ', 'ice: ＩＣＥ'],
      // In a section of its own, so that even first-mention highlighting would draw a false match:
      // LeBron James, Steve Beshear, Penny Pritzker, Mia Bonta, Mark Kelly, the Big Apple, Apple Valley.
      'look-alikes': [],
      acronyms: ['apple: Apple', 'google: Google'],
      // A new section: a surname after the title form above, and a derived short form.
      'follow-up': ['andy-beshear: Beshear', 'national-popular-vote-interstate-compact: NPV Compact'],
    });
    // Nothing outside the article, and the page's text is unchanged.
    expect(await page.$$('nav [data-crosscheck-id], aside [data-crosscheck-id]')).toHaveLength(0);
    const text = await page.evaluate(() => document.getElementById('invisible')!.textContent);
    expect(text).toContain('Gav\u00adin New\u200bsom repeated');
    await page.close();
  });
});
