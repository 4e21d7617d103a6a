/** Which of a pass's highlights lie in or near the viewport, to draw them first. */

/** Where something lies vertically, relative to the viewport's top (as getBoundingClientRect gives it). */
export interface VerticalExtent {
  readonly top: number;
  readonly bottom: number;
}

/** Drawn with the viewport: what a reader reaches with a flick of the wheel, too. */
export const VIEWPORT_MARGIN_PX = 200;

/**
 * The items, of `count` in document order, that lie in the viewport of `height` or within
 * `margin` of it, as [from, to): a binary search for the first that ends below the top edge, then
 * a walk to the first that starts below the bottom edge. Document order is taken as vertical order,
 * as it is in an article's column; where a layout breaks it (floats, columns), an item judged out of
 * view is still drawn, only later.
 */
export function nearViewport(
  count: number,
  extentOf: (index: number) => VerticalExtent,
  height: number,
  margin = VIEWPORT_MARGIN_PX,
): [number, number] {
  const top = -margin;
  const bottom = height + margin;
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (extentOf(mid).bottom < top) low = mid + 1;
    else high = mid;
  }
  let to = low;
  while (to < count && extentOf(to).top <= bottom) to++;
  return [low, to];
}

/** Whether an item starts below the viewport and its margin: matching past it cannot add any in view. */
export function isBelowViewport(extent: VerticalExtent, height: number, margin = VIEWPORT_MARGIN_PX): boolean {
  return extent.top > height + margin;
}
