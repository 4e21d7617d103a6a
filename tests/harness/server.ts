import { readFile, readdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { AuthoredSource } from '@/lib/kb/schema';
import { renderSeedPage } from './seed-pages';

export const PROJECT_ROOT = join(import.meta.dirname, '../..');
export const FIXTURE_PAGES_DIR = join(PROJECT_ROOT, 'tests/fixtures/pages');
/** The saved real news pages beside the project (test use only; never copied into it). */
export const REALPAGES_DIR = join(PROJECT_ROOT, '../shared/realpages');

/** A saved page as served offline: its scripts, external style sheets and frames removed. */
export function offlineCopy(html: string): string {
  return html
    .replace(/<script\b[\s\S]*?<\/script>/gi, '')
    .replace(/<link\b[^>]*>/gi, '')
    .replace(/<iframe\b[\s\S]*?<\/iframe>/gi, '');
}

export interface PageServer {
  readonly origin: string;
  /** Paths of the seed article pages, e.g. /seed/armitage.html. */
  readonly seedPages: readonly string[];
  close(): Promise<void>;
}

/**
 * Serves, on 127.0.0.1 only: /seed/<source-id>.html (news-style pages made from the seed
 * articles), /fixtures/<name> (the project's own fixture pages) and any `extraPages` by path.
 */
export async function startPageServer(extraPages: ReadonlyMap<string, string> = new Map()): Promise<PageServer> {
  const seedsDir = join(PROJECT_ROOT, 'seeds');
  const sources = parse(await readFile(join(seedsDir, 'sources.yaml'), 'utf8')) as AuthoredSource[];
  const pages = new Map<string, string>();
  for (const source of sources) {
    const text = await readFile(join(seedsDir, source.file), 'utf8');
    pages.set(`/seed/${source.id}.html`, renderSeedPage(source, text, sources));
  }
  for (const [path, html] of extraPages) pages.set(path, html);
  const fixtures = new Set(await readdir(FIXTURE_PAGES_DIR).catch(() => [] as string[]));
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const send = (status: number, body: string, type = 'text/html; charset=utf-8') => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (pages.has(path)) return send(200, pages.get(path)!);
    const fixture = path.startsWith('/fixtures/') ? path.slice('/fixtures/'.length) : null;
    if (fixture && fixtures.has(fixture)) {
      readFile(join(FIXTURE_PAGES_DIR, fixture), 'utf8').then(
        (body) => send(200, body, fixture.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8'),
        () => send(500, 'read error', 'text/plain'),
      );
      return;
    }
    const realpage = /^\/realpages\/([\w-]+)\/source\.html$/.exec(path);
    if (realpage) {
      readFile(join(REALPAGES_DIR, realpage[1]!, 'source.html'), 'utf8').then(
        (body) => send(200, offlineCopy(body)),
        () => send(404, 'no such saved page', 'text/plain'),
      );
      return;
    }
    if (path === '/') {
      return send(200, [...pages.keys()].map((p) => `<p><a href="${p}">${p}</a></p>`).join('\n'));
    }
    send(404, 'not found', 'text/plain');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    seedPages: [...pages.keys()].filter((path) => path.startsWith('/seed/')),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
