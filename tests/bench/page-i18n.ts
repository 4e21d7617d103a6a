/**
 * The engine bundled into a plain page has no extension API. What it says to readers there (a
 * highlight's category, for screen readers) comes from this stand-in, which answers each message
 * with its name: the words differ, the work of saying them does not. Imported before the engine.
 */
const page = globalThis as { chrome?: { i18n?: unknown } };
const chrome = (page.chrome ??= {});
chrome.i18n = { getMessage: (name: string) => name, getUILanguage: () => 'en' };
