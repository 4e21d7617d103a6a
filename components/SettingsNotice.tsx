import type { SettingsProblem } from '@/lib/settings/schema';

const TEXT: Readonly<Record<SettingsProblem, string>> = {
  corrupt: 'Your Crosscheck settings could not be read, so they were reset to the defaults.',
  'from-the-future':
    'Your settings were saved by a newer version of Crosscheck; this browser uses the defaults until it is updated.',
};

/** Tells the reader, once, that stored settings could not be used. */
export function SettingsNotice({ problem }: { readonly problem: SettingsProblem | null }) {
  if (!problem) return null;
  return (
    <p class="notice" role="status">
      {TEXT[problem]}
    </p>
  );
}
