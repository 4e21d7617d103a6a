import { describe, expect, it } from 'vitest';
import { extensionSuite } from '../harness/e2e';

// The three ways real layouts used to hide their story from Crosscheck (issue 13), on the
// project's own pages: a story container named after a share widget beside a caption list, a whole
// page inside a navigation drawer's wrapper, and a story continued in a sibling block after an ad.
const suite = extensionSuite();

describe('finding the article on real-style layouts', () => {
  it.each<[string, string, readonly string[]]>([
    [
      'article-share-container.html',
      '#gigya-share-btns-2_gig_containerParent',
      ['soft-secession', 'printz-v-united-states'],
    ],
    ['article-nav-drawer.html', '.story-body', ['california', 'gavin-newsom']],
    ['article-continued.html', '.story-lede, .story-continued', ['jb-pritzker', 'printz-v-united-states']],
  ])('%s: highlights the story, nothing around it', async (name, story, ids) => {
    const page = await suite.open(`/fixtures/${name}`, `${story.split(',')[0]} [data-crosscheck-id]`);
    const found = await page.$$eval(
      'crosscheck-mark',
      (marks, story) =>
        marks.map((m) => ({
          id: m.getAttribute('data-crosscheck-id'),
          inStory: m.closest(story) !== null && m.closest('.share-buttons') === null,
          paragraph: m.closest('p')?.id ?? null,
        })),
      story,
    );
    expect(found.filter((mark) => !mark.inStory)).toEqual([]);
    expect(found.map((mark) => mark.id)).toEqual(expect.arrayContaining([...ids]));
    if (name === 'article-continued.html') {
      // Both halves of the story, on either side of the advertisement.
      expect(found.map((mark) => mark.paragraph)).toEqual(expect.arrayContaining(['p2', 'p3']));
    }
    await page.close();
  });
});
