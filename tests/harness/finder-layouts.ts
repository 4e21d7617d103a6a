/**
 * Four layouts that generalise what real pages no one tuned for did to the article finder: the
 * project's own pages (tests/fixtures/pages, text written for them), each of which the finder once
 * read as no article, the wrong block, or a part of the story. The story is the page's paragraphs
 * with an id; the unit tests read them in happy-dom, the extraction suite in Chromium.
 */
export const FINDER_LAYOUTS: readonly {
  readonly file: string;
  readonly layout: string;
  /** Text around the story that must stay out of the article. */
  readonly absent: readonly string[];
}[] = [
  {
    file: 'finder-panels.html',
    layout: 'a panels layout: the story in one pane among sibling panes of similar weight, its paragraphs deep inside',
    absent: ['More from the newsroom', 'Cruise terminal reopens'],
  },
  {
    file: 'finder-print-only.html',
    layout: 'a print-only message beside the story, which screen styles hide',
    absent: ['personal, non-commercial use'],
  },
  {
    file: 'finder-long-read.html',
    layout: 'a long read cut into blocks of one kind between figures and pull quotes, the story deep in each',
    absent: ['Read next', 'Advertisement', 'lighthouse keeper'],
  },
  {
    file: 'finder-generated-classes.html',
    layout: 'generated class names, each paragraph in a box of its own, the story in two halves around an ad',
    absent: ['More transport news', 'Advertisement', 'Weather', 'A drawing of the planned viaduct'],
  },
];
