import { describe, expect, it } from 'vitest';
import { sentenceAround } from '@/lib/text/excerpt';
import { BARRIER } from '@/lib/text/fold';

/** The sentence around the first occurrence of `word`. */
function sentence(text: string, word: string, linesAreParagraphs: boolean): string {
  const start = text.indexOf(word);
  const [from, to] = sentenceAround(text, start, start + word.length, { linesAreParagraphs });
  return text.slice(from, to);
}

describe('sentenceAround', () => {
  it.each<[string, string, string, boolean, string]>([
    [
      'a source file: a line is a paragraph',
      'Budget day\nThe state has $76 billion.',
      '$76',
      true,
      'The state has $76 billion.',
    ],
    [
      'a page: a line break in a paragraph is layout whitespace',
      'The state has $76 billion in\n   reserves. Next one.',
      '$76',
      false,
      'The state has $76 billion in\n   reserves.',
    ],
    [
      'a page: a block edge ends the sentence',
      `Heading${BARRIER}The state has $76 billion`,
      '$76',
      false,
      'The state has $76 billion',
    ],
    [
      'a page: terminators still end it',
      'First one. The state has $76 billion. Last one.',
      '$76',
      false,
      'The state has $76 billion.',
    ],
    ['initials do not end it', 'Gov. J.B. Pritzker said so. Next.', 'said', false, 'Gov. J.B. Pritzker said so.'],
  ])('%s', (_name, text, word, linesAreParagraphs, expected) => {
    expect(sentence(text, word, linesAreParagraphs)).toBe(expected);
  });
});
