import { describe, expect, it } from 'vitest';
import { cardFrame, extensionSuite, figureHighlights } from '../harness/e2e';

const suite = extensionSuite();

describe('figures linked by the sentence before', () => {
  it('links a number to the subject named a sentence earlier, says so on the card, and gives no verdict when two claims fit', async () => {
    const page = await suite.open('/fixtures/figures-context.html', '[data-crosscheck-category="figure"]');
    // Not linked: the subject two sentences back (#far), in a heading (#after-heading), or a sentence
    // naming a subject of its own (#texas).
    expect(await figureHighlights(page)).toEqual([
      {
        paragraph: 'npv',
        id: 'national-popular-vote-compact-electoral-votes',
        text: '209 electoral votes',
        verdict: 'matches',
      },
      { paragraph: 'rggi', id: 'rggi-member-states', text: 'Twelve states', verdict: 'differs' },
      // California and Wyoming both fit through the sentence before: highlighted, but not checked.
      { paragraph: 'populations', id: 'wyoming-population', text: 'nearly 40 million', verdict: null },
      { paragraph: 'own', id: 'california-budget-reserves', text: '$76 billion', verdict: 'matches' },
    ]);

    const card = cardFrame(page).locator('.popover');
    await page.locator('#rggi [data-crosscheck-category="figure"]').click();
    await card.locator('.linked-by').waitFor();
    expect(await card.locator('.linked-by').textContent()).toBe('Linked by the sentence before.');
    expect(await card.locator('.page-figure .verdict').textContent()).toMatch(/^Differs: the sources state 11 states/);
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden' });

    await page.locator('#populations [data-crosscheck-category="figure"]').click();
    await card.locator('.linked-by').waitFor();
    expect(await card.locator('.linked-by').textContent()).toBe(
      "Linked by the sentence before, which could also make it about: California's population.",
    );
    expect(await card.locator('.page-figure .verdict').textContent()).toBe(
      'No verdict: this number may belong to another claim.',
    );
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden' });

    // A number its own sentence links shows no such line.
    await page.locator('#own [data-crosscheck-category="figure"]').click();
    await card.locator('.page-figure .verdict').waitFor();
    expect(await card.locator('.linked-by').count()).toBe(0);
    await page.close();
  });
});
