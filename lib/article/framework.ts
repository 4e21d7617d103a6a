/**
 * Regions whose DOM belongs to a client-side framework that will reconcile (or hydrate) its own
 * nodes. Crosscheck highlights there with the CSS Custom Highlight API and never touches the nodes. From an isolated content script the frameworks' own markers on
 * DOM objects are invisible, so these are the attributes and mount ids they leave in the markup.
 */
const FRAMEWORK_ROOT_SELECTOR = [
  '#root',
  '#app',
  '#__next',
  '#___gatsby',
  '#__nuxt',
  '[data-reactroot]',
  '[data-v-app]',
  '[data-server-rendered]',
  '[ng-version]',
  '[data-sveltekit-hydrate]',
].join(',');

export function isFrameworkOwned(element: Element): boolean {
  return element.closest(FRAMEWORK_ROOT_SELECTOR) !== null;
}
