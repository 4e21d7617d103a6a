// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  MAX_ADDRESS,
  pageSavedAddress,
  readPageMetadata,
  savedAddress,
  unescapeEntities,
  withoutBy,
} from '@/lib/my-sources/metadata';
import { keptMetadata } from '@/lib/my-sources/declared';
import { readerTitle } from '@/lib/my-sources/reader-title';
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

const meta = (key: string, content: string, attribute = 'name') => `<meta ${attribute}="${key}" content="${content}">`;

/** One page per source of metadata Crosscheck reads, and the order it asks them in. */
describe('readPageMetadata: each source a page declares its metadata in', () => {
  it.each<[string, string, string, Record<string, string | null>]>([
    // JSON-LD, as reader mode reads it: a schema.org article, its people as { name }.
    [
      'JSON-LD: name, author list, publisher and date',
      ld({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        name: 'Governors meet',
        author: [{ '@type': 'Person', name: 'Jane Doe' }, { name: 'Sam Roe' }],
        publisher: { name: 'Reuters' },
        datePublished: '2025-06-02T10:00:00Z',
      }),
      '',
      { title: 'Governors meet', author: 'Jane Doe, Sam Roe', site: 'Reuters', published: '2025-06-02T10:00:00Z' },
    ],
    [
      'JSON-LD: of a name and a headline, the one like the page title',
      `<title>Governors meet in Denver | The Post</title>${ld({
        '@context': 'http://schema.org/',
        '@type': 'Article',
        name: 'The Post',
        headline: 'Governors meet in Denver',
      })}`,
      '',
      { title: 'Governors meet in Denver' },
    ],
    [
      'JSON-LD: an article in @graph',
      ld({
        '@context': { '@vocab': 'https://schema.org/' },
        '@graph': [
          { '@type': 'WebSite', name: 'Site' },
          { '@type': 'BlogPosting', author: { name: 'A. Writer' } },
        ],
      }),
      '',
      { author: 'A. Writer' },
    ],
    // What reader mode passes over, read where it finds nothing else.
    [
      'JSON-LD without @context, its author and publisher as text',
      ld({ '@type': 'NewsArticle', author: 'Jo Bloggs', publisher: 'Daily Reprint', datePublished: '2025-06-05' }),
      '',
      { author: 'Jo Bloggs', site: 'Daily Reprint', published: '2025-06-05' },
    ],
    // Open Graph and the article: tags.
    [
      'Open Graph: title, site name, published time; an article:author that is an address is not a name',
      meta('og:title', 'OG title', 'property') +
        meta('og:site_name', 'The Post', 'property') +
        meta('article:published_time', '2025-01-02', 'property') +
        meta('article:author', 'https://facebook.example/jane', 'property'),
      '',
      { title: 'OG title', site: 'The Post', published: '2025-01-02', author: null },
    ],
    ['article:author as a name', meta('article:author', 'Jane Doe', 'property'), '', { author: 'Jane Doe' }],
    // Dublin Core.
    [
      'Dublin Core: title, creator, publisher and issued date',
      meta('DC.title', 'DC title') +
        meta('DC.creator', 'Ann Author') +
        meta('DC.publisher', 'University Press') +
        meta('DC.date.issued', '2024-11-30'),
      '',
      { title: 'DC title', author: 'Ann Author', site: 'University Press', published: '2024-11-30' },
    ],
    ['dcterms.created as the date', meta('dcterms.created', '2023-03-04'), '', { published: '2023-03-04' }],
    // <meta name=author> and Parse.ly.
    ['<meta name="author">', meta('author', 'Maria Okafor'), '', { author: 'Maria Okafor' }],
    [
      'Parse.ly author and date',
      meta('parsely-author', 'P. Arsely') + meta('parsely-pub-date', '2022-02-02T02:02:02Z'),
      '',
      { author: 'P. Arsely', published: '2022-02-02T02:02:02Z' },
    ],
    // Microdata.
    [
      'microdata: the author element (its itemprop="name"), datePublished, publisher name',
      '',
      '<article itemscope itemtype="https://schema.org/NewsArticle"><p itemprop="author" itemscope><span itemprop="name">Lee Writer</span>, staff</p>' +
        '<meta itemprop="datePublished" content="2025-03-01T08:00:00Z">' +
        '<div itemprop="publisher" itemscope><img itemprop="logo" src="x.png"><meta itemprop="name" content="Metro News"></div><p>Body.</p></article>',
      { author: 'Lee Writer', published: '2025-03-01T08:00:00Z', site: 'Metro News' },
    ],
    [
      'microdata: a byline whose name is a <meta> is read from its content',
      '',
      '<div class="bylines">By <span itemprop="author" itemscope><a href="/a/kim">Kim Lee</a><meta itemprop="name" content="Kim Lee"></span></div>',
      { author: 'Kim Lee' },
    ],
    [
      'microdata: a datePublished shown as text',
      '',
      '<p>Posted <span itemprop="datePublished">June 2, 2025</span></p>',
      { published: 'June 2, 2025' },
    ],
    // <time datetime>.
    [
      '<time datetime>: the first a reader sees, not a hidden one, not one that is no date',
      '',
      '<p hidden><time datetime="2001-01-01">old</time></p><p><time datetime="PT5M">5 min</time> read · <time datetime="2025-04-05T09:00">April 5</time></p>',
      { published: '2025-04-05T09:00' },
    ],
    [
      '<time datetime>: none in comments, sidebars or other stories',
      '',
      '<div class="sidebar"><time datetime="2025-01-01">Jan 1</time></div><section id="comments"><time datetime="2025-01-02">Jan 2</time></section><div class="related-stories"><time datetime="2025-01-03">Jan 3</time></div>',
      { published: null },
    ],
    // A byline element.
    [
      'a byline element: "By" left out',
      '',
      '<header class="story-head"><h1>Headline</h1><p class="byline">By <a href="/staff/jane">Jane Doe</a></p></header><p>Body.</p>',
      { author: 'Jane Doe' },
    ],
    ['a rel=author link', '', '<p>Text <a rel="author" href="/u/sam">Sam Roe</a></p>', { author: 'Sam Roe' }],
    [
      'a byline element: an empty one passed over, a hidden one and one of 100 characters or more not taken',
      '',
      `<span class="author"></span><p class="byline" style="display: none">By Hidden</p><div class="author-box">${'x'.repeat(120)}</div><p class="byline">By Seen Writer</p>`,
      { author: 'Seen Writer' },
    ],
    [
      'a byline element: not a commenter’s, not another story’s',
      '',
      '<section class="comments"><span class="comment-author">Troll</span></section><ul class="related"><li><span class="byline">By Other Writer</span></li></ul><p>Body.</p>',
      { author: null },
    ],
    [
      'a byline element inside furniture, where nothing else names the author, is read the second time',
      '',
      '<div class="page-header-wrap"><p class="byline">By Wrapped Writer</p></div><p>Body.</p>',
      { author: 'Wrapped Writer' },
    ],
    // The order: reader mode's sources first, then the rest.
    [
      'a tag before a byline element, JSON-LD before a tag',
      ld({ '@context': 'https://schema.org', '@type': 'NewsArticle', author: { name: 'From JSON-LD' } }) +
        meta('author', 'From meta'),
      '<p class="byline">By From Byline</p>',
      { author: 'From JSON-LD' },
    ],
    [
      'reader mode’s byline element before JSON-LD it passes over',
      ld({ '@type': 'NewsArticle', author: 'Text Author' }),
      '<p class="byline">By Element Author</p>',
      { author: 'Element Author' },
    ],
    [
      'a declared date before a shown one',
      meta('article:published_time', '2025-02-02', 'property'),
      '<time datetime="2025-02-03">Feb 3</time>',
      { published: '2025-02-02' },
    ],
    // Text as declared, its entities read.
    [
      'entities a site escaped twice',
      meta('og:title', 'Q&amp;amp;A: rates &amp;#8217;n&amp;#x2019; rents', 'property') +
        meta('author', 'O&amp;#39;Brien'),
      '',
      { title: 'Q&A: rates ’n’ rents', author: "O'Brien" },
    ],
  ])('%s', (_name, head, body, expected) => {
    expect(readPageMetadata(page(head, body), 'https://news.example/story')).toMatchObject(expected);
  });

  it('passes what the page declares on as its word: cleaned (controls, bidi overrides, length) only as it is kept', () => {
    const hostile = page(
      meta('author', `Jane \u202eDoe`) + meta('og:site_name', 'S'.repeat(500), 'property'),
      '<p class="byline">By x</p>',
    );
    const read = readPageMetadata(hostile, 'https://news.example/story');
    expect(read.author).toBe('Jane \u202eDoe');
    const kept = keptMetadata(read)!;
    expect(kept.author).toBe('Jane Doe');
    expect(kept.site).toHaveLength(120);
  });
});

describe('readerTitle: the page title as reader mode cuts it', () => {
  const titled = (title: string, body = '') => page(`<title>${title}</title>`, body);
  it.each<[string, Document, string]>([
    [
      'the site’s name after a bar',
      titled('Governors meet in Denver this week | The Post'),
      'Governors meet in Denver this week',
    ],
    [
      'the site’s name before a dash, when the rest is too short',
      titled('The Post - Governors meet'),
      'The Post - Governors meet',
    ],
    [
      'the part after a colon, when no heading repeats the whole',
      titled('Politics: Governors meet in Denver this week'),
      'Governors meet in Denver this week',
    ],
    [
      'the whole, when a heading repeats it',
      titled('Politics: Governors meet', '<h1>Politics: Governors meet</h1>'),
      'Politics: Governors meet',
    ],
    [
      'the only <h1>, when the title is too short',
      titled('Home', '<h1>Governors meet in Denver this week</h1>'),
      'Governors meet in Denver this week',
    ],
    ['the whole, when what is left has four words or fewer', titled('Home', '<h1>Governors meet</h1>'), 'Home'],
  ])('%s', (_name, doc, expected) => {
    expect(readerTitle(doc)).toBe(expected);
  });
});

describe('withoutBy and unescapeEntities', () => {
  it.each([
    ['By Jane Doe', 'Jane Doe'],
    ['by: Jane Doe', 'Jane Doe'],
    ['BY JANE DOE', 'JANE DOE'],
    ['ByTravis Haney', 'Travis Haney'],
    ['Byron Smith', 'Byron Smith'],
    ['BYRON SMITH', 'BYRON SMITH'],
    ['By', ''],
  ])('%s → %s', (byline, expected) => {
    expect(withoutBy(byline)).toBe(expected);
  });

  it.each([
    ['&amp;lt;b&amp;gt;', '&lt;b&gt;'],
    ['&#8217;&#x2019;', '’’'],
    ['&#0;&#xd800;', '\ufffd\ufffd'],
    ['plain', 'plain'],
  ])('%s → %s', (value, expected) => {
    expect(unescapeEntities(value)).toBe(expected);
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
