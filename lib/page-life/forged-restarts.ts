/**
 * WXT ends a content script when the document receives its "a newer script started" event, so that
 * an updated extension's fresh script replaces the old one. A page's script can dispatch that event
 * too (it learns the name from the event itself), and would switch Crosscheck off for its readers.
 * While this extension is alive no newer copy of this script can have started (an update or reload
 * ends the old one's extension context first), so the event is stopped before it reaches WXT's
 * listener on the document: a capturing listener on the window runs first.
 */
export function ignoreForgedRestarts(eventType: string, isExtensionAlive: () => boolean, signal: AbortSignal): void {
  window.addEventListener(
    eventType,
    (event) => {
      if (isExtensionAlive()) event.stopImmediatePropagation();
    },
    { capture: true, signal },
  );
}
