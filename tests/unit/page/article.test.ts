// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { findArticleRoot, isArticleFurniture } from '@/lib/page/article';

const prose = (n: number, topic = 'The governors met to discuss budgets, courts and the federal government') =>
  Array.from(
    { length: n },
    (_, i) => `<p>${topic}, paragraph ${i}, with enough words to read as running prose.</p>`,
  ).join('');

afterEach(() => {
  document.body.innerHTML = '';
});

describe('findArticleRoot', () => {
  it.each<[string, string, string | null]>([
    [
      'article beside a sidebar of related links that name people',
      `<nav><a href="#">Gavin Newsom</a></nav><article id="target">${prose(6)}</article>
       <aside><ul>${'<li><a href="#">Related: J.B. Pritzker and the governors, a longer headline here</a></li>'.repeat(8)}</ul></aside>`,
      'target',
    ],
    [
      'a <main> that also holds related stories is not the article',
      `<div role="main" id="main"><div id="target" class="story">${prose(5)}</div>
       <div class="cards">${Array.from({ length: 6 }, () => `<div class="card"><p>${'Another story entirely, with its own long teaser text. '.repeat(2)}</p></div>`).join('')}</div></div>`,
      'target',
    ],
    [
      'an article body split into sibling blocks of one kind',
      `<div id="target"><div class="part">${prose(3)}</div><div class="ad">Advertisement</div><div class="part">${prose(3)}</div></div>`,
      'target',
    ],
    [
      'a declared article body around the best block',
      `<section itemprop="articleBody" id="target"><div><div class="col">${prose(5)}</div></div></section>`,
      'target',
    ],
    [
      'a container class name that mentions "social" does not hide the article',
      `<main class="container js-social-anchor-start"><article id="target">${prose(5)}</article></main>`,
      'target',
    ],
    ['no substantial prose: no article', '<header>Site</header><p>Short note.</p>', null],
    [
      'link lists are not prose',
      `<div>${'<p><a href="#">A link that is long enough to count as text</a></p>'.repeat(20)}</div>`,
      null,
    ],
  ])('%s', (_name, html, expectedId) => {
    document.body.innerHTML = html;
    expect(findArticleRoot(document)?.id ?? null).toBe(expectedId);
  });
});

describe('isArticleFurniture', () => {
  it.each<[string, boolean]>([
    ['<aside></aside>', true],
    ['<nav></nav>', true],
    ['<div class="related-links"></div>', true],
    ['<div id="comments"></div>', true],
    ['<div class="share-bar"></div>', true],
    ['<div class="paywall"></div>', true],
    ['<div class="story-body"></div>', false],
    ['<div class="canvas"></div>', false],
    ['<main class="js-social-anchor-start"></main>', false],
    ['<div role="complementary"></div>', true],
    ['<figcaption>The Apple Vision Pro.</figcaption>', true],
    ['<ul><li><a href="#">Google removes 17 features from Google Assistant</a></li></ul>', true],
    [
      '<p>Read <a href="#">the report</a> in full, with all of its tables and footnotes, when you have time.</p>',
      false,
    ],
  ])('%s → %s', (html, expected) => {
    document.body.innerHTML = html;
    expect(isArticleFurniture(document.body.firstElementChild!)).toBe(expected);
  });
});
