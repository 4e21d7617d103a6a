import { describe, expect, it } from 'vitest';
import { isFromCard, isPrivateContent, isToCard, type CardContent } from '@/lib/card/protocol';

const show = (content: unknown, extra: object = {}) => ({
  type: 'crosscheck-card:show',
  seq: 1,
  content,
  readerLanguage: 'en',
  focus: false,
  maxWidth: 416,
  ...extra,
});

describe('messages to the card frame', () => {
  it.each<[string, unknown, boolean]>([
    ['an entry', show({ kind: 'entry', entryId: 'soft-secession', figure: null }), true],
    ['a figure check', show({ kind: 'check', check: { selection: '$76 billion', candidates: [] } }), true],
    ['a notice', show({ kind: 'notice', message: 'Added to your sources.' }), true],
    ['hide', { type: 'crosscheck-card:hide' }, true],
    ['an id too long', show({ kind: 'entry', entryId: 'x'.repeat(201), figure: null }), false],
    ['a notice too long', show({ kind: 'notice', message: 'x'.repeat(1001) }), false],
    ['an unknown kind', show({ kind: 'library', entryId: 'x' }), false],
    ['no width', show({ kind: 'notice', message: 'x' }, { maxWidth: 0 }), false],
    ['a fractional sequence number', show({ kind: 'notice', message: 'x' }, { seq: 1.5 }), false],
    ['another type', { type: 'crosscheck-card:port' }, false],
    ['not an object', 'crosscheck-card:hide', false],
  ])('%s', (_name, message, valid) => {
    expect(isToCard(message)).toBe(valid);
  });
});

describe('messages from the card frame', () => {
  it.each<[string, unknown, boolean]>([
    ['a size', { type: 'crosscheck-card:size', seq: 3, width: 320, height: 200 }, true],
    ['a negative size', { type: 'crosscheck-card:size', seq: 3, width: -1, height: 200 }, false],
    ['an endless size', { type: 'crosscheck-card:size', seq: 3, width: Infinity, height: 200 }, false],
    ['close', { type: 'crosscheck-card:close', restoreFocus: true }, true],
    ['close without saying how', { type: 'crosscheck-card:close' }, false],
    ['pointer', { type: 'crosscheck-card:pointer', inside: false }, true],
    ['null', null, false],
  ])('%s', (_name, message, valid) => {
    expect(isFromCard(message)).toBe(valid);
  });
});

describe('cards whose every word is the reader’s own', () => {
  it.each<[CardContent, boolean]>([
    [{ kind: 'entry', entryId: 'tracked-3', figure: null }, true],
    [{ kind: 'entry', entryId: 'bank-of-north-dakota', figure: null }, false],
    [{ kind: 'notice', message: 'Added to your sources.' }, false],
  ])('%j: %s', (content, expected) => {
    expect(isPrivateContent(content)).toBe(expected);
  });
});
