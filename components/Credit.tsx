import { listOf, t, uiLanguage } from '@/lib/i18n';

/**
 * What a page declared, shown isolated: its direction cannot reorder the words around it (an
 * Arabic site name before a date), whatever characters it holds.
 */
export function Declared({ text }: { readonly text: string }) {
  return <bdi>{text}</bdi>;
}

/** What a part of a credit line is ("author"): said when it is not stated. */
export type CreditNoun = 'author' | 'outlet' | 'site' | 'date';

/** One part of a credit line: what it is and its value, null when unstated. */
export type CreditField = readonly [noun: CreditNoun, value: string | null];

export interface CreditParts {
  /** The stated values, in order. */
  readonly stated: readonly string[];
  /** What is not stated, said once ("author and date not stated"); null when all is stated. */
  readonly unstated: string | null;
}

/**
 * A source's credit line, for the bundled sources and the reader's saved articles alike: the stated
 * fields, then what is not stated, said once ("Reuters · author and date not stated"; "Author, site
 * and date not stated" when nothing is).
 */
export function creditParts(fields: readonly CreditField[]): CreditParts {
  const stated = fields.flatMap(([, value]) => (value === null ? [] : [value]));
  const missing = fields.flatMap(([noun, value]) => (value === null ? [t(`credit.${noun}`)] : []));
  if (missing.length === 0) return { stated, unstated: null };
  const said = t('credit.notStated', { fields: listOf(missing) });
  // Alone on the line, it starts a sentence ("Author, site and date not stated").
  return { stated, unstated: stated.length === 0 ? said[0]!.toLocaleUpperCase(uiLanguage()) + said.slice(1) : said };
}

/** The credit line, each stated value isolated (see Declared): page-declared text can hold anything. */
export function Credit({ fields }: { readonly fields: readonly CreditField[] }) {
  const { stated, unstated } = creditParts(fields);
  const parts = [
    ...stated.map((text, i) => <Declared key={i} text={text} />),
    ...(unstated === null ? [] : [unstated]),
  ];
  return <>{parts.flatMap((part, i) => (i === 0 ? [part] : [' · ', part]))}</>;
}
