import { BARRIER } from '../text/fold';
import { isSkippedElement, MARK_TAG } from '../article/exclusions';
import { collectText } from '../article/text-collector';
import { readPageMetadata, type PageMetadata } from './metadata';

/**
 * Reading an article for saving, in the content script (so kept small): its text, read by the same
 * text collector as highlighting (so the same furniture, captions and hidden text are left out),
 * and what the page declares about itself.
 */

/** What the content script hands the background when the reader saves an article. */
export interface ArticleForSaving {
  /** One paragraph (block) per line, spaces collapsed: the layout of a seed file. */
  readonly text: string;
  readonly metadata: PageMetadata;
}

/**
 * The article's text with one block per line. A line is a paragraph, as in the knowledge base's
 * source files, so excerpts and sentences are cut the same way as the build cuts them.
 */
export function articleLines(root: Element, isExcluded: (element: Element) => boolean): string {
  const { text } = collectText(
    root,
    (element) => element.localName !== MARK_TAG && isSkippedElement(element, isExcluded),
  );
  return text
    .split(BARRIER)
    .map((block) => block.replace(/\s+/g, ' ').trim())
    .filter((block) => block !== '')
    .join('\n');
}

export function articleForSaving(
  root: Element,
  isExcluded: (element: Element) => boolean,
  doc: Document,
  pageUrl: string,
): ArticleForSaving {
  return { text: articleLines(root, isExcluded), metadata: readPageMetadata(doc, pageUrl) };
}
