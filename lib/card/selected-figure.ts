import type { FigureCheck } from '../matching/figure-check';
import type { PageMatching } from '../services/matching-service';
import { isInlineElement } from '../article/text-collector';

/**
 * "Check this figure" on the reader's selection: the selection's block text and offsets, sent to be
 * checked where the matching runs.
 */

export interface SelectionContext {
  readonly range: Range;
  /** The text of the block around the selection, and the selection's offsets in it. */
  readonly context: string;
  readonly start: number;
  readonly end: number;
}

/** The selection with the text of its enclosing block, where its sentence (and the subject) is. */
export function selectionContext(selection: Selection | null): SelectionContext | null {
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (range.collapsed) return null;
  const container = range.commonAncestorContainer;
  let block = container instanceof Element ? container : container.parentElement;
  while (block && block.parentElement && isInlineElement(block)) block = block.parentElement;
  if (!block) return null;
  const before = document.createRange();
  before.setStart(block, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  return { range, context: block.textContent ?? '', start, end: start + range.toString().length };
}

/** "Check this figure" on the current selection; null when nothing is selected. */
export async function checkSelection(
  matching: PageMatching,
  selection: Selection | null,
): Promise<{ range: Range; check: FigureCheck } | null> {
  const found = selectionContext(selection);
  if (!found) return null;
  return { range: found.range, check: await matching.checkFigure(found.context, found.start, found.end) };
}
