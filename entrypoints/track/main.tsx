import { liveQuery } from 'dexie';
import { render } from 'preact';
import { TrackForm, type TrackState } from '@/components/TrackForm';
import '@/components/ui.css';
import { BACKGROUND, sender } from '@/lib/services/messages';
import { mentionsOf, MySourcesDatabase } from '@/lib/my-sources/db';
import { localisePage, t } from '@/lib/i18n';
import { readerMessage } from '@/lib/my-sources/errors';
import { TRACKED_ID_PREFIX } from '@/lib/my-sources/types';
import { trackTerm } from '@/lib/my-sources/tracking';
import { withTrackedHighlights } from '@/lib/settings/schema';
import { loadSettings, saveSettings } from '@/lib/settings/store';

localisePage(t('track.title'));
const root = document.getElementById('app')!;
const toBackground = sender(BACKGROUND, (request) => browser.runtime.sendMessage(request));
const db = new MySourcesDatabase();
const initialLabel = new URLSearchParams(location.search).get('label') ?? '';
let state: TrackState = { kind: 'form', problem: null };
let settings = await loadSettings();

/** Follows the search the background runs, from the database (its progress is stored there). */
function follow(id: number, label: string): void {
  liveQuery(async () => ({
    term: await db.tracked.get(id),
    total: await db.articles.count(),
    found: await mentionsOf(db, `${TRACKED_ID_PREFIX}${id}`).count(),
  })).subscribe(({ term, total, found }) => {
    state = term?.search
      ? { kind: 'searching', label, searched: term.search.searched, total }
      : { kind: 'done', label, found, total };
    draw();
  });
}

function draw(): void {
  render(
    <TrackForm
      initialLabel={initialLabel}
      state={state}
      trackedHighlights={settings.trackedHighlights}
      onTrack={async (label, category, aliases, where) => {
        if (where !== settings.trackedHighlights) {
          settings = withTrackedHighlights(settings, where);
          await saveSettings(settings);
        }
        try {
          const id = await trackTerm(db, { label, category, aliases });
          void toBackground('crosscheck:my-sources-changed');
          follow(id, label.replace(/\s+/g, ' ').trim());
        } catch (error) {
          state = { kind: 'form', problem: readerMessage(error, 'trackTerm') };
          draw();
        }
      }}
      onClose={() => window.close()}
    />,
    root,
  );
}

draw();
