/**
 * The highlights' stylesheet in the page: adopted into the document with the first highlight
 * drawn, and taken out again on destroy(), so that a page Crosscheck draws nothing on gets no
 * stylesheet at all. A constructed stylesheet, not a <style> element: the page's DOM does not
 * change, and its Content Security Policy does not apply.
 */
export class HighlightStyles {
  private sheet: CSSStyleSheet | null = null;

  constructor(private readonly css: string) {}

  /** Adds the stylesheet, unless it is there (again, if the page took it out). */
  adopt(): void {
    const adopted = document.adoptedStyleSheets;
    if (this.sheet && adopted.includes(this.sheet)) return;
    if (!this.sheet) {
      this.sheet = new CSSStyleSheet();
      this.sheet.replaceSync(this.css);
    }
    document.adoptedStyleSheets = [...adopted, this.sheet];
  }

  destroy(): void {
    const sheet = this.sheet;
    if (!sheet) return;
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
  }
}

/**
 * The range highlights' rules, written for the root's highlights (which every element's inherit
 * from in Chromium), made rules for every element's: for a browser without highlight inheritance
 * (Firefox), where an element's highlights take nothing from its parent's.
 */
export function onEveryElement(css: string): string {
  return css.replaceAll('::highlight(', ' ::highlight(');
}
