/**
 * Where Crosscheck must never put a highlight: code, form controls, editable regions, content
 * hidden from readers or from assistive technology, and its own UI and marks.
 */

/** The highlight element's tag: a custom name, so page CSS is unlikely to restyle or hide it. */
export const MARK_TAG = 'crosscheck-mark';
/** The popover host's tag (part of the observable contract). */
export const POPOVER_TAG = 'crosscheck-popover';

const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'SVG',
  'MATH',
  'IFRAME',
  'OBJECT',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'HEAD',
  'TITLE',
  MARK_TAG.toUpperCase(),
  POPOVER_TAG.toUpperCase(),
]);

/**
 * The element-level test. `isHidden` is injected so the same rules run in unit tests (no layout)
 * and in the page (where it asks the browser whether the element renders).
 */
export function isSkippedElement(element: Element, isHidden: (element: Element) => boolean = () => false): boolean {
  if (SKIPPED_TAGS.has(element.tagName.toUpperCase())) return true;
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  if (element.getAttribute('role') === 'textbox') return true;
  return isHidden(element);
}

/** In the page: does the browser render this element? Elements without layout APIs count as shown. */
export function isRenderedHidden(element: Element): boolean {
  if (typeof element.checkVisibility !== 'function') return false;
  return !element.checkVisibility({ visibilityProperty: true, opacityProperty: false });
}
