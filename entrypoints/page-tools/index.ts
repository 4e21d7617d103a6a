import { createPageTools } from '@/lib/page-life/page-tools';
import { onEveryElement } from '@/lib/annotate/highlight-styles';
import { publishPageTools } from '@/lib/page-life/page-tools-loader';
import cardCss from './card-host.css?inline';
import highlightRangesCss from './highlight-ranges.css?inline';
import highlightMarksCss from './highlights.css?inline';

/**
 * The page tools (see lib/page-life/page-tools-loader.ts): drawing, the card and saving, injected by
 * the background into a page's content-script world when the content script has something for them
 * to do. Not listed in the manifest, not web-accessible: only the extension can put it in a page.
 * It uses no extension API: what it needs, the content script gives it.
 */
export default defineUnlistedScript({
  // Nothing is left on the content scripts' global but what the tools publish.
  globalName: false,
  main() {
    publishPageTools((options) =>
      createPageTools(options, {
        cardCss,
        highlightCss: {
          marks: highlightMarksCss,
          ranges: import.meta.env.FIREFOX ? onEveryElement(highlightRangesCss) : highlightRangesCss,
        },
      }),
    );
  },
});
