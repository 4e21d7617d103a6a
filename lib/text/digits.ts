/**
 * Small non-negative integers as one character each ('0' + n): how generated data ships long
 * runs of counts and flags, which gzip compresses far better than JSON arrays of numbers.
 */
const ZERO = 0x30;

export function toDigits(values: readonly number[]): string {
  return values.map((value) => String.fromCharCode(ZERO + value)).join('');
}

export function digitAt(digits: string, index: number): number {
  return digits.charCodeAt(index) - ZERO;
}
