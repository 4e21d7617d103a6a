// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { MAX_ADDRESS, pageSavedAddress, readPageMetadata, savedAddress } from '@/lib/my-sources/metadata';
import { articleLines } from '@/lib/my-sources/extract';

function page(head: string, body = ''): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><head>${head}</head><body>${body}</body></html>`,
    'text/html',
  );
}

const ld = (data: unknown) => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;

describe('readPageMetadata', () => {
  it.each<[string, string, Record<string, string | null>]>([
    [
      'nothing declared: the page address and its title, nothing guessed',
      '<title>A page</title>',
      {
        url: 'https://news.example/story?id=1',
        title: 'A page',
        author: null,
        site: null,
        published: null,
      },
    ],
    [
      'NewsArticle JSON-LD',
      ld({
        '@type': 'NewsArticle',
        headline: 'Governors meet',
        author: { name: 'Jane Doe' },
        datePublished: '2025-06-02T10:00:00Z',
        publisher: { '@type': 'Organization', name: 'Reuters' },
      }),
      { title: 'Governors meet', author: 'Jane Doe', site: 'Reuters', published: '2025-06-02T10:00:00Z' },
    ],
    [
      'Article inside @graph, authors as a list',
      ld({
        '@context': 'https://schema.org',
        '@graph': [{ '@type': 'WebPage' }, { '@type': ['Article'], headline: 'H', author: [{ name: 'A' }, 'B'] }],
      }),
      { title: 'H', author: 'A, B', site: null },
    ],
    [
      'an array of blocks, a broken block ignored',
      `<script type="application/ld+json">{broken</script>${ld([{ '@type': 'BreadcrumbList' }, { '@type': 'ReportageNewsArticle', author: 'C' }])}`,
      { author: 'C' },
    ],
    [
      'meta tags and canonical link',
      '<link rel="canonical" href="/story"><meta property="og:site_name" content="The Post"><meta property="article:published_time" content="2025-01-02"><meta property="og:title" content="OG title">',
      {
        url: 'https://news.example/story?id=1',
        canonical: 'https://news.example/story',
        site: 'The Post',
        published: '2025-01-02',
        title: 'OG title',
      },
    ],
    [
      'a JSON-LD WebPage is not an article: no author from it',
      ld({ '@type': 'WebPage', author: 'Not an article author' }),
      { author: null },
    ],
    [
      'a canonical link that is not http(s) is not used',
      '<link rel="canonical" href="javascript:alert(1)">',
      { url: 'https://news.example/story?id=1', canonical: null },
    ],
  ])('%s', (_name, head, expected) => {
    const read = readPageMetadata(page(head), 'https://news.example/story?id=1#comments');
    expect(read).toMatchObject(expected);
  });
});

describe('savedAddress: the address an article is saved under and matched by', () => {
  const own = 'https://news.example/story?id=1';
  it.each<[string, string, string | null, string | null]>([
    ['no canonical: the page’s own address', own, null, own],
    ['a canonical on the page’s origin', own, 'https://news.example/story', 'https://news.example/story'],
    // A page cannot claim another site's article: its canonical is not trusted for matching.
    ['a canonical on another origin: the page’s own', own, 'https://reuters.example/story', own],
    ['a canonical on another scheme of the same host: the page’s own', own, 'http://news.example/story', own],
    ['a canonical on another port: the page’s own', own, 'https://news.example:8443/story', own],
    ['fragments left out', `${own}#top`, 'https://news.example/story#comments', 'https://news.example/story'],
    ['a page that is not http(s)', 'file:///home/a.html', null, null],
    ['an address too long to keep', `https://news.example/${'a'.repeat(MAX_ADDRESS)}`, null, null],
  ])('%s', (_name, url, canonical, expected) => {
    expect(savedAddress({ url, canonical })).toBe(expected);
  });

  it('is what the popup asks the page for, read from the document', () => {
    const impostor = page('<link rel="canonical" href="https://reuters.example/story">');
    expect(pageSavedAddress(impostor, 'http://127.0.0.1:8080/copy.html#x')).toBe('http://127.0.0.1:8080/copy.html');
    const own = page('<link rel="canonical" href="/story">');
    expect(pageSavedAddress(own, 'https://news.example/story?utm=1')).toBe('https://news.example/story');
  });
});

describe('articleLines', () => {
  it('gives one line per block, spaces collapsed, furniture and hidden text left out', () => {
    const doc = page(
      '',
      '<article id="a"><h1>Title</h1><p>First   <em>para</em>graph\n  ends.</p><aside class="x">Skip</aside><p hidden>Hidden</p><p>Second.</p></article>',
    );
    const lines = articleLines(doc.getElementById('a')!, (element) => element.classList.contains('x'));
    expect(lines).toBe('Title\nFirst paragraph ends.\nSecond.');
  });
});
