import { readFile, readdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { AuthoredSource } from '@/lib/kb-build/schema';
import { renderSeedPage, type SeedPageOptions } from './seed-pages';

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

/** Framework builds the React fixture loads (development builds: they report hydration problems). */
const VENDOR_FILES: Readonly<Record<string, string>> = {
  '/vendor/react.js': 'react/umd/react.development.js',
  '/vendor/react-dom.js': 'react-dom/umd/react-dom.development.js',
};

/**
 * A React article rendered on the server and hydrated in the page a little after load (after the
 * content script has run, as on a slow real page), with a later re-render of the annotated text.
 */
async function renderReactFixture(): Promise<string> {
  const require = createRequire(import.meta.url);
  const React = require('react') as typeof import('react');
  const { renderToString } = require('react-dom/server') as typeof import('react-dom/server');
  const makeApp = require(join(FIXTURE_PAGES_DIR, 'react-app.cjs')) as (react: typeof React) => () => unknown;
  const markup = renderToString(React.createElement(makeApp(React) as never));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A React article</title></head>
<body>
<div id="root">${markup}</div>
<script src="/vendor/react.js"></script>
<script src="/vendor/react-dom.js"></script>
<script src="/fixtures/react-app.cjs"></script>
<script>
  setTimeout(() => {
    ReactDOM.hydrateRoot(document.getElementById('root'), React.createElement(makeFixtureApp(React)), {
      onRecoverableError: (error) => console.error('Recoverable React error: ' + error.message),
    });
  }, 1000);
</script>
</body></html>
`;
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
export async function startPageServer(
  extraPages: ReadonlyMap<string, string> = new Map(),
  seedPageOptions: SeedPageOptions = {},
): Promise<PageServer> {
  const seedsDir = join(PROJECT_ROOT, 'seeds');
  const sources = parse(await readFile(join(seedsDir, 'sources.yaml'), 'utf8')) as AuthoredSource[];
  const pages = new Map<string, string>();
  for (const source of sources) {
    const text = await readFile(join(seedsDir, source.file), 'utf8');
    pages.set(`/seed/${source.id}.html`, renderSeedPage(source, text, sources, seedPageOptions));
  }
  for (const [path, html] of extraPages) pages.set(path, html);
  pages.set('/fixtures/react-article.html', await renderReactFixture());
  const fixtures = new Set(await readdir(FIXTURE_PAGES_DIR).catch(() => [] as string[]));
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const send = (status: number, body: string, type = 'text/html; charset=utf-8') => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (pages.has(path)) return send(200, pages.get(path)!);
    if (path === '/favicon.ico') return send(204, '', 'image/x-icon');
    const vendor = VENDOR_FILES[path];
    if (vendor) {
      readFile(join(PROJECT_ROOT, 'node_modules', vendor), 'utf8').then(
        (body) => send(200, body, 'text/javascript'),
        () => send(404, 'missing', 'text/plain'),
      );
      return;
    }
    const fixture = path.startsWith('/fixtures/') ? path.slice('/fixtures/'.length) : null;
    if (fixture && fixtures.has(fixture)) {
      readFile(join(FIXTURE_PAGES_DIR, fixture), 'utf8').then(
        (body) => send(200, body, /\.c?js$/.test(fixture) ? 'text/javascript' : 'text/html; charset=utf-8'),
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
