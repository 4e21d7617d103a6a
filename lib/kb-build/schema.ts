import { z } from 'zod';
import { CATEGORIES } from '../kb/types';

/**
 * The authoring format of `seeds/` (see seeds/README.md), checked field by field so that a
 * mistake is reported with its file, entry and field rather than surfacing as a wrong card.
 * Build-time only: none of this ships in the extension.
 */

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lowercase letters, digits and single hyphens');
const nonEmpty = z.string().trim().min(1, 'must not be empty');
const partialDate = z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');

export const sourceSchema = z.strictObject({
  id,
  file: nonEmpty,
  title: nonEmpty.nullable(),
  author: nonEmpty.nullable(),
  outlet: nonEmpty.nullable(),
  date: partialDate.nullable(),
  dateNote: nonEmpty.optional(),
  url: z.url().nullable(),
  language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/, 'must be a BCP 47 language tag'),
  /** What the source is ("blog post", "radio show transcript"): names it to readers when title and author are unknown. */
  kind: nonEmpty.optional(),
  notArticle: z.array(nonEmpty).optional(),
  /**
   * Verbatim passages of the file that someone other than the author wrote (an aggregator's
   * summary), with how readers are told who: never credited to the author, never counted as the
   * author's statement.
   */
  notByAuthor: z.array(z.strictObject({ text: nonEmpty, credit: nonEmpty })).optional(),
});
export type AuthoredSource = z.infer<typeof sourceSchema>;

const aliasSchema = z.union([
  nonEmpty,
  z.strictObject({
    text: nonEmpty,
    caseSensitive: z.boolean().optional(),
    shortForm: z.boolean().optional(),
  }),
]);
export type AuthoredAlias = z.infer<typeof aliasSchema>;

const excerptSchema = z.strictObject({ source: id, text: nonEmpty });
const roleSchema = z.strictObject({ title: nonEmpty, asOf: nonEmpty.nullable(), source: id });

const commonFields = {
  id,
  label: nonEmpty,
  aliases: z.array(aliasSchema).default([]),
  summary: nonEmpty,
  /** The summary in Simplified Chinese: from the same sources, naming the same ones (see validate.ts). */
  summaryZh: z
    .string({
      error: (issue) => (issue.input === undefined ? 'missing: every entry has a Chinese summary too' : undefined),
    })
    .trim()
    .min(1, 'must not be empty'),
  related: z.array(id).default([]),
  excerpts: z.array(excerptSchema).default([]),
};

const termEntrySchema = z.strictObject({
  ...commonFields,
  category: z.enum(['concept', 'law', 'organization', 'place']),
});

const personEntrySchema = z.strictObject({
  ...commonFields,
  category: z.literal('person'),
  roles: z.array(roleSchema).default([]),
});

export const FIGURE_UNITS = ['USD', 'percent', 'count', 'multiple'] as const;

const figureEntrySchema = z.strictObject({
  ...commonFields,
  category: z.literal('figure'),
  unit: z.enum(FIGURE_UNITS),
  noun: nonEmpty.nullable().default(null),
  asOf: nonEmpty.nullable().default(null),
  cues: z
    .array(z.array(nonEmpty).min(1, 'a cue group needs at least one form'))
    .min(1, 'a figure needs at least one cue group'),
  derive: z.strictObject({ ratio: z.tuple([id, id]) }).optional(),
});

export const entrySchema = z.discriminatedUnion('category', [termEntrySchema, personEntrySchema, figureEntrySchema], {
  error: (issue) => (issue.code === 'invalid_union' ? `category must be one of ${CATEGORIES.join(', ')}` : undefined),
});
export type AuthoredEntry = z.infer<typeof entrySchema>;
export type AuthoredFigure = z.infer<typeof figureEntrySchema>;
