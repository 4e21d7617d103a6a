import { describe, expect, it } from 'vitest';
import { isWordUnit } from '@/lib/text/fold';
import { isLetterCode, isLowerCode, isMarkCode, isNumberCode, isUpperCode } from '@/lib/text/letters';

// The fast paths must answer exactly as the Unicode property expressions they stand for.
describe.each<[string, (code: number) => boolean, RegExp]>([
  ['isUpperCode', isUpperCode, /\p{Lu}/u],
  ['isLowerCode', isLowerCode, /\p{Ll}/u],
  ['isLetterCode', isLetterCode, /\p{L}/u],
  ['isNumberCode', isNumberCode, /\p{N}/u],
  ['isMarkCode', isMarkCode, /\p{M}/u],
])('%s', (_name, fast, expression) => {
  it('agrees with its expression on every UTF-16 unit', () => {
    const disagreements: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (fast(code) !== expression.test(String.fromCharCode(code))) disagreements.push(code.toString(16));
    }
    expect(disagreements).toEqual([]);
  });
});

describe('isWordUnit', () => {
  it('agrees on every UTF-16 unit with letters, digits and marks of scripts written with spaces', () => {
    const word = /[\p{L}\p{N}\p{M}_]/u;
    const noSpacing =
      /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
    const disagreements: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      if (isWordUnit(char) !== (word.test(char) && !noSpacing.test(char))) disagreements.push(code.toString(16));
    }
    expect(disagreements).toEqual([]);
  });
});
