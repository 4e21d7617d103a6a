import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../harness/server';

// No words a reader sees are written in the interface's code: they come from locales/*.yml (see
// lib/i18n). Looked for in components/ and entrypoints/: text between tags, the attributes a reader
// or a screen reader meets, any string shown among the elements, and any string that reads as
// words (two Latin words or more) outside what only developers see.

/** Attributes a reader sees or hears. */
const READER_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
  'label',
]);

/**
 * Latin words allowed in code, each for its reason: none is a word in any language.
 * - "×": the close button's sign, named for screen readers by its aria-label.
 */
const ALLOWED: ReadonlySet<string> = new Set(['×']);

const LATIN = /[A-Za-z]/;
/** Two words and a space: how prose looks, unlike a key or an address (a class list is left out by its attribute). */
const WORDS = /[A-Za-z]{2,}[’',;:.!?]*\s+[A-Za-z]{2,}/;

/** Calls whose strings only developers see, or that name a message (lib/i18n). */
const NOT_WORDS_CALLS = /^(console\.\w+|new Error|new TypeError|t|said|messageParts)$/;

const COMPARISONS = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

interface Finding {
  readonly where: string;
  readonly text: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(PROJECT_ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((file) => file.isFile() && /\.tsx?$/.test(file.name))
    .map((file) => join(file.parentPath, file.name));
}

/** Where a string sits: in an attribute (its name), among the elements, or elsewhere. */
function placeOf(node: ts.Node): { attribute?: string; child?: true; developer?: true; name?: true } {
  for (let at: ts.Node = node; at.parent; at = at.parent) {
    const parent = at.parent;
    if (ts.isJsxAttribute(parent)) return { attribute: parent.name.getText() };
    if (ts.isJsxExpression(at) && (ts.isJsxElement(parent) || ts.isJsxFragment(parent))) return { child: true };
    if ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent)) && parent.name === at)
      return { name: true };
    if (ts.isLiteralTypeNode(parent) || ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent))
      return { developer: true };
    if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) {
      const callee = `${ts.isNewExpression(parent) ? 'new ' : ''}${parent.expression.getText()}`;
      if (NOT_WORDS_CALLS.test(callee)) return { developer: true };
    }
    // Compared with, or used as a key: a value, not words ("kind === 'check'", "record['x']").
    if (
      (ts.isBinaryExpression(parent) && COMPARISONS.has(parent.operatorToken.kind)) ||
      ts.isElementAccessExpression(parent) ||
      ts.isCaseClause(parent)
    ) {
      return { developer: true };
    }
  }
  return {};
}

/** The words a file writes for readers, which belong in the message files. */
export function wordsInCode(path: string, text = readFileSync(path, 'utf8')): Finding[] {
  const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
  const findings: Finding[] = [];
  const found = (node: ts.Node, words: string) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart());
    findings.push({ where: `${relative(PROJECT_ROOT, path)}:${line + 1}`, text: words });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      const words = node.text.trim();
      if (LATIN.test(words) && !ALLOWED.has(words)) found(node, words);
    } else if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateLiteralToken(node)
    ) {
      const words = node.text;
      const place = placeOf(node);
      const shown = place.child || (place.attribute !== undefined && READER_ATTRIBUTES.has(place.attribute));
      if (!ALLOWED.has(words.trim()) && !place.developer && !place.name) {
        if (shown ? LATIN.test(words) : place.attribute === undefined && WORDS.test(words)) found(node, words);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return findings;
}

describe('words a reader sees', () => {
  const files = [...sourceFiles('components'), ...sourceFiles('entrypoints')];

  it.each(files.map((path) => [relative(PROJECT_ROOT, path), path]))('%s writes none itself', (_name, path) => {
    expect(wordsInCode(path)).toEqual([]);
  });

  it.each<[string, string, string[]]>([
    ['text between tags', 'const a = <p>Saved to your sources</p>;', ['Saved to your sources']],
    ['a one-word label', 'const a = <button>Close</button>;', ['Close']],
    ['an attribute a screen reader reads', 'const a = <ul aria-label="Entries" />;', ['Entries']],
    ['a placeholder', 'const a = <input placeholder="example.com" />;', ['example.com']],
    ['a string among the elements', "const a = <p>{busy ? 'Saving…' : t('x')}</p>;", ['Saving…']],
    ['a template among the elements', 'const a = <p>{`Show all ${n}`}</p>;', ['Show all ']],
    [
      'words kept in a constant',
      "const TEXT = { corrupt: 'Your settings could not be read.' };",
      ['Your settings could not be read.'],
    ],
    [
      'a class list, an id, a key, a comparison',
      "const a = <p class=\"link save-button\" id={'x y'}>{kind === 'on this' ? 1 : 2}</p>;",
      [],
    ],
    ['words assigned', "let headline: string; headline = 'Off everywhere';", ['Off everywhere']],
    ['an error for developers', "throw new Error('Crosscheck: unexpected reply from the background');", []],
    ['the close sign', 'const a = <button aria-label={t("close")}>×</button>;', []],
  ])('finds %s', (_name, code, expected) => {
    expect(wordsInCode('example.tsx', code).map((finding) => finding.text)).toEqual(expected);
  });
});
