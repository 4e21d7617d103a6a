/**
 * Language tags as declared by pages, excerpts and the browser ("en-US", "zh-Hans", "ZH"): the
 * language they name, regions and scripts not told apart.
 */

/** "zh" for "zh-CN", "zh-Hans" or " ZH ". */
export function primaryLanguage(tag: string): string {
  return tag.trim().toLowerCase().split('-')[0]!;
}
