import axe from 'axe-core';
import type { SourceRecord } from '@/lib/kb/types';

/** axe's violations in a rendered component, as "rule: offending HTML". */
export async function axeViolations(container: Element): Promise<string[]> {
  // Colours are checked in Chromium (tests/e2e/popup-settings.e2e.ts): happy-dom does not lay out.
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`);
}

/** A bundled source whose metadata is all known. */
export const armitageSource: SourceRecord = {
  id: 'armitage',
  file: '000.txt',
  title: 'It’s Time',
  author: 'Chris Armitage',
  outlet: 'The Existential Republic',
  date: '2025-08-18',
  dateNote: null,
  url: 'https://example.org/a',
  language: 'en',
  kind: null,
};
