import { t } from '@/lib/i18n';
import type { SettingsProblem } from '@/lib/settings/schema';

const TEXT = {
  corrupt: 'settingsNotice.corrupt',
  'from-the-future': 'settingsNotice.fromTheFuture',
} as const satisfies Record<SettingsProblem, string>;

/** Tells the reader, once, that stored settings could not be used. */
export function SettingsNotice({ problem }: { readonly problem: SettingsProblem | null }) {
  if (!problem) return null;
  return (
    <p class="notice" role="status">
      {t(TEXT[problem])}
    </p>
  );
}
