import { render } from 'preact';
import { Options } from '@/components/Options';
import '@/components/entry-card.css';
import '@/components/ui.css';
// The highlight samples (key, category names) are drawn by the page's own highlight styles.
import '@/entrypoints/content/highlights.css';
import { kbDetails } from '@/lib/kb/details-data';
import type { Settings } from '@/lib/settings/schema';
import { loadSettings, saveSettings, takeSettingsNotice, watchSettings } from '@/lib/settings/store';

const root = document.getElementById('app')!;
let settings = await loadSettings();
const notice = await takeSettingsNotice();

function draw(): void {
  render(
    <Options
      settings={settings}
      details={kbDetails}
      notice={notice}
      readerLanguage={document.documentElement.lang || 'en'}
      onChange={(next: Settings) => {
        settings = next;
        draw();
        void saveSettings(next);
      }}
    />,
    root,
  );
}

// The popup may change the same settings while this page is open.
watchSettings((next) => {
  settings = next;
  draw();
});
draw();
