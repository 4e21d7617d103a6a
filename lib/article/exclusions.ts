/**
 * Where Crosscheck must never put a highlight: code, form controls, editable regions, inert or
 * hidden content, and its own UI and marks.
 */

/** The highlight element's tag: a custom name, so page CSS is unlikely to restyle or hide it. */
export const MARK_TAG = 'crosscheck-mark';
/** The popover host's tag (part of the observable contract). */
export const POPOVER_TAG = 'crosscheck-popover';

const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'code',
  'pre',
  'kbd',
  'samp',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
  MARK_TAG,
  POPOVER_TAG,
]);

/** An editing host: whatever is under it belongs to an editor, which would save our elements into the reader's text. */
const EDITABLE_SELECTOR = '[contenteditable]:not([contenteditable="false" i]), [role="textbox"]';

/** Whether `element` is inside an editor (an editing host or an ARIA textbox), however far up. */
export function isEditable(element: Element): boolean {
  return element.closest(EDITABLE_SELECTOR) !== null || element.ownerDocument.designMode === 'on';
}

/** The attributes that make an element editable or inert: changing one can put highlights off limits. */
export const OFF_LIMITS_ATTRIBUTES = ['contenteditable', 'role', 'inert'];

/**
 * The element-level test, from the DOM alone (no layout). `isExcluded` adds the caller's own
 * structural rules (article furniture).
 */
export function isSkippedElement(
  element: Element,
  isExcluded: (element: Element) => boolean = () => false,
  {
    includeEditable = false,
  }: {
    /** True where highlights never touch the DOM (the CSS Custom Highlight renderer): editors are fine there. */
    readonly includeEditable?: boolean;
  } = {},
): boolean {
  if (SKIPPED_TAGS.has(element.localName)) return true;
  // Most elements of an article have no attributes at all: none of the tests on them applies.
  if (!element.hasAttributes()) return isExcluded(element);
  if (element.hasAttribute('hidden') || element.hasAttribute('inert') || element.getAttribute('aria-hidden') === 'true')
    return true;
  if (!includeEditable) {
    const editable = element.getAttribute('contenteditable');
    if (editable !== null && editable.toLowerCase() !== 'false') return true;
    if (element.getAttribute('role') === 'textbox') return true;
  }
  return isExcluded(element);
}

/**
 * Whether `element` lies in a region skipped by `isSkipped`, looking up from it to `root`: a block
 * the page adds or changes later inside an editor, code or furniture is as off limits as the region.
 */
export function isWithinSkipped(element: Element, root: Element, isSkipped: (element: Element) => boolean): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (isSkipped(node)) return true;
    if (node === root) return false;
  }
  return false;
}

/**
 * In the page: does the browser render this element (and its ancestors)? Asked only of elements
 * that hold a match, not of every element, since each answer needs computed style. Elements
 * without layout APIs count as rendered.
 */
export function isRendered(element: Element): boolean {
  if (typeof element.checkVisibility !== 'function') return true;
  return element.checkVisibility({ visibilityProperty: true, opacityProperty: false });
}
