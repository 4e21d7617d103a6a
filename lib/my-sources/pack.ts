import { z } from 'zod';
import { zhCN } from 'zod/locales';
import { said, type Said } from '../i18n';
import { eachArticlePage, type MySourcesDatabase } from './db';
import { cleanDeclared, DECLARED_LIMITS, type DeclaredField } from './declared';
import { savedAddress } from './metadata';
import { MIN_SAVED_TEXT, SavingError } from './store';
import { cleanTrackedInput } from './tracking';
import { TRACKED_CATEGORIES } from './types';

/**
 * A knowledge pack: one JSON file with the reader's saved articles (text and declared metadata) and
 * tracked terms, to keep or move them. Indexes are not in it: importing indexes the articles again
 * with this Crosscheck's knowledge base (import.ts). A pack that is not one, is damaged, or comes from a newer
 * Crosscheck is refused with a message naming what is wrong, and nothing stored changes.
 */

// Extension pages forbid eval: zod must not try to compile its checks with `new Function`.
z.config({ jitless: true });

export const PACK_FORMAT = 'crosscheck-knowledge-pack';
export const PACK_VERSION = 1;

/**
 * The pack's schema is the store's: a declared field is cleaned as saving cleans it (an older
 * Crosscheck's pack with a page's megabyte-long title still imports, cut as a save cuts it), and an
 * address must be one an article can be saved under. What Crosscheck stores passes unchanged.
 */
const declared = (field: DeclaredField) =>
  z
    .string()
    .nullable()
    .transform((value) => cleanDeclared(value, DECLARED_LIMITS[field]));

const address = z.string().transform((value, context) => {
  const url = savedAddress({ url: value });
  if (url === null) problem(context, said('pack.notAnAddress'));
  return url ?? z.NEVER;
});

const packSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  version: z.literal(PACK_VERSION),
  exportedAt: z.string(),
  articles: z.array(
    z.strictObject({
      url: address,
      title: declared('title'),
      author: declared('author'),
      site: declared('site'),
      published: declared('published'),
      savedAt: z.number().int().nonnegative(),
      text: z.string().min(MIN_SAVED_TEXT),
    }),
  ),
  tracked: z.array(
    z
      .strictObject({
        label: z.string(),
        category: z.enum(TRACKED_CATEGORIES),
        aliases: z.array(z.string()),
      })
      // The track form's own rule: what it tracks, a pack tracks.
      .transform((term, context) => {
        try {
          return cleanTrackedInput(term);
        } catch (error) {
          if (!(error instanceof SavingError)) throw error;
          problem(context, error.said, ['label']);
          return z.NEVER;
        }
      }),
  ),
});

export type KnowledgePack = z.infer<typeof packSchema>;

export type PackReading =
  { readonly ok: true; readonly pack: KnowledgePack } | { readonly ok: false; readonly problem: Said };

/** Where in the pack a problem is, as a reader can find it: "articles[2].url". */
function where(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    '',
  );
}

/** zod's own words for what is wrong in a pack (a wrong type, a missing field), in the reader's language where it has it. */
function zodWords(language: string): { readonly error?: z.core.$ZodErrorMap } {
  return language.toLowerCase().startsWith('zh') ? { error: zhCN().localeError } : {};
}

/**
 * Reads a pack file's text; never throws. `language` is the reader's (the import worker, which
 * reads packs, has no browser messages of its own to ask).
 */
export function readPack(json: string, { language = 'en' }: { readonly language?: string } = {}): PackReading {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { ok: false, problem: said('pack.notJson') };
  }
  const head = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  if (head.format !== PACK_FORMAT) return { ok: false, problem: said('pack.notAPack', { format: PACK_FORMAT }) };
  if (typeof head.version === 'number' && Number.isInteger(head.version) && head.version > PACK_VERSION) {
    return { ok: false, problem: said('pack.newer', { version: head.version, reads: PACK_VERSION }) };
  }
  const parsed = packSchema.safeParse(data, zodWords(language));
  if (parsed.success) return { ok: true, pack: parsed.data };
  const issues = parsed.error.issues.slice(0, 3).map((issue) =>
    said('pack.problemAt', {
      where: where(issue.path) || said('pack.theFile'),
      problem: (issue.code === 'custom' && (issue.params?.said as Said | undefined)) || issue.message,
    }),
  );
  const more = parsed.error.issues.length - issues.length;
  return {
    ok: false,
    problem: said('pack.damaged', {
      problems: more > 0 ? said('pack.andMore', { problems: issues, count: more }) : issues,
    }),
  };
}

/** A problem a check of this schema found, in the reader's words (said by whoever shows it). */
function problem(context: z.core.$RefinementCtx, what: Said, path?: PropertyKey[]): void {
  context.addIssue({ code: 'custom', message: what.key, params: { said: what }, ...(path && { path }) });
}

/** Every saved article and tracked term as a pack, oldest saved first; texts are read a page at a time. */
export async function exportPack(db: MySourcesDatabase, now = new Date()): Promise<KnowledgePack> {
  const articles: KnowledgePack['articles'] = [];
  await db.transaction('r', db.articles, db.texts, db.tracked, () =>
    eachArticlePage(db, 500, async (page) => {
      const texts = await db.texts.bulkGet(page.map((a) => a.id!));
      page.forEach(({ url, title, author, site, published, savedAt }, i) =>
        articles.push({ url, title, author, site, published, savedAt, text: texts[i]?.text ?? '' }),
      );
    }),
  );
  const tracked = (await db.tracked.toArray()).map(({ label, category, aliases }) => ({
    label,
    category,
    aliases: [...aliases],
  }));
  return { format: PACK_FORMAT, version: PACK_VERSION, exportedAt: now.toISOString(), articles, tracked };
}
