/**
 * Bundled into each page of the extraction suite (tests/e2e/extraction.e2e.ts): the text
 * Crosscheck treats as the article, read with the content script's own modules.
 */
import { findArticleRoot, isArticleFurniture } from '@/lib/article/finder';
import { isSkippedElement } from '@/lib/article/exclusions';
import { BARRIER } from '@/lib/text/fold';
import { collectText } from '@/lib/article/text-collector';

export interface ArticleReading {
  /** The article's text as the highlighter reads it (skipped regions and furniture left out). */
  readonly text: string;
  /** The first call of `findArticleRoot` on this page, in ms. */
  readonly ms: number;
  /** Where the root is, for the table ("article#story.body"), or null when none was found. */
  readonly root: string | null;
}

const describeElement = (element: Element) =>
  `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${
    typeof element.className === 'string' && element.className.trim()
      ? `.${element.className.trim().split(/\s+/).slice(0, 2).join('.')}`
      : ''
  }`;

const readable = (text: string) => text.split(BARRIER).join('\n');

const extraction = {
  article(): ArticleReading {
    const started = performance.now();
    const root = findArticleRoot(document);
    const ms = performance.now() - started;
    const text = root ? collectText(root, (element) => isSkippedElement(element, isArticleFurniture)).text : '';
    return { text: readable(text), ms, root: root ? describeElement(root) : null };
  },

  /** The reference article's text, with what the highlighter never reads (code, buttons, hidden) left out too. */
  reference(html: string): string {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return readable(collectText(doc.body, (element) => isSkippedElement(element)).text);
  },
};

export type Extraction = typeof extraction;
(window as unknown as { crosscheckExtraction: Extraction }).crosscheckExtraction = extraction;
