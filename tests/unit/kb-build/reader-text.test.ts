import { describe, expect, it } from 'vitest';
import { findInternalName, internalNames, type NamedSource } from '@/lib/kb-build/reader-text';

const sources: NamedSource[] = [
  { id: 'armitage', file: '000_7413e54e.txt', title: 'A title', author: 'Chris Armitage', outlet: null },
  { id: 'blog-001', file: '001_5af8d05a.txt', title: null, author: null, outlet: null, kind: 'blog post' },
  { id: 'forum', file: '003_1b29ca7c.txt', title: null, author: null, outlet: 'Forum (radio talk show)' },
];
const names = internalNames(sources);

describe('findInternalName', () => {
  it.each<[string, string, string | null]>([
    ['a file number', 'The blog post 001 quotes the passage.', '001'],
    ['a file number in brackets', 'In the transcript (003) he introduces it.', '003'],
    ['a file name', 'also quoted by 001_5af8d05a.txt, date unknown', '001_5af8d05a.txt'],
    ['a file stem', 'see 000_7413e54e', '000_7413e54e'],
    ['an id readers never see', 'as blog-001 says', 'blog-001'],
    ['an id that is the author’s name', 'Armitage reports that states prepare.', null],
    ['an id that is the outlet’s name', 'On Forum, Clara Jeffrey says so.', null],
    ['a year', 'In 2001 the compact was proposed.', null],
    ['digit groups', 'a population of 580,000 and 1,001 votes', null],
    ['a decimal', 'It grew by 1.001 percent.', null],
  ])('%s', (_name, text, expected) => {
    expect(findInternalName(text, names)).toBe(expected);
  });
});
