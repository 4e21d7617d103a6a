import { describe, expect, it } from 'vitest';
import { extensionSuite, figureHighlights } from '../harness/e2e';

const suite = extensionSuite();

/**
 * The forms real reporting uses (derived forms), invisible and full-width characters inside names,
 * look-alikes, and figures in real wording, on a news-style page of our own
 * (tests/fixtures/pages/real-wording.html).
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
      // Figures in real wording (the section "The numbers"): the subject named in the sentence
      // before and called back ("the initiative", "the compact"), another verb ("rejected").
      'figures-initiative': [
        'regional-greenhouse-gas-initiative: Regional Greenhouse Gas Initiative',
        'rggi-member-states: Nine states',
      ],
      'figures-verb': ['real-id-refusing-states: Twenty-five states', 'real-id-act: REAL ID Act'],
      'figures-joined': [
        'national-popular-vote-interstate-compact: National Popular Vote Interstate Compact',
        'national-popular-vote-compact-electoral-votes: 196 electoral votes',
      ],
      // "The state has 13 electoral votes": Virginia's, not the compact's; no verdict.
      'figures-none': [],
    });
    expect((await figureHighlights(page)).filter((f) => f.paragraph.startsWith('figures-'))).toEqual([
      { paragraph: 'figures-initiative', id: 'rggi-member-states', text: 'Nine states', verdict: 'differs' },
      { paragraph: 'figures-verb', id: 'real-id-refusing-states', text: 'Twenty-five states', verdict: 'matches' },
      {
        paragraph: 'figures-joined',
        id: 'national-popular-vote-compact-electoral-votes',
        text: '196 electoral votes',
        verdict: 'differs',
      },
    ]);
    // Nothing outside the article, and the page's text is unchanged.
    expect(await page.$$('nav [data-crosscheck-id], aside [data-crosscheck-id]')).toHaveLength(0);
    const text = await page.evaluate(() => document.getElementById('invisible')!.textContent);
    expect(text).toContain('Gav\u00adin New\u200bsom repeated');
    await page.close();
  });
});
