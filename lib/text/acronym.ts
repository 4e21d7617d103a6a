/** What counts as an acronym, for case-sensitive matching and derived forms. */

/** All-caps short forms ("ICE", "NPVIC") are acronyms: matching them case-insensitively would find the noun. */
export function isAcronym(form: string): boolean {
  return form.length <= 8 && /^[\p{Lu}\d&.]+$/u.test(form) && (form.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}
