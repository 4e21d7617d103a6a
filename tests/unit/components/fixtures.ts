import axe from 'axe-core';
import { vi } from 'vitest';
import type { PopupProps } from '@/components/Popup';
import type { SourceRecord } from '@/lib/kb/types';
import { DEFAULT_SETTINGS } from '@/lib/settings/schema';

/**
 * The popup's props on an article page with nothing found and the default settings, every handler
 * a mock; `overrides` set what a test looks at.
 */
export function popupProps(overrides: Partial<PopupProps> = {}): PopupProps {
  return {
    settings: DEFAULT_SETTINGS,
    summary: { site: 'news.example', active: true, scope: 'article', trackedShown: false, entries: [] },
    notice: null,
    sourceCount: 5,
    onEnabled: vi.fn(),
    onCategory: vi.fn(),
    onPauseSite: vi.fn(),
    onReveal: vi.fn(),
    onAnnotatePage: vi.fn(),
    onOpenOptions: vi.fn(),
    trackedTerms: 0,
    onShowTrackedHere: vi.fn(),
    onTrackedSite: vi.fn(),
    ...overrides,
  };
}

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
