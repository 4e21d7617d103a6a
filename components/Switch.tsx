import type { ComponentChildren } from 'preact';
import { t } from '@/lib/i18n';

export interface SwitchProps {
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  /** The switch's name: what it turns on or off. */
  readonly children: ComponentChildren;
  /** Says "On" / "Off" beside the switch (hidden from assistive technology, which reads the state itself). */
  readonly showState?: boolean;
  /** Shown after the name, outside it (a count, say). */
  readonly after?: ComponentChildren;
  /** Id of text that describes the switch further. */
  readonly describedBy?: string;
  readonly class?: string;
}

/**
 * A labelled on/off switch: a checkbox with role="switch", drawn as a track whose knob moves to the
 * right when on (not only a change of colour), operable from the keyboard like any checkbox.
 */
export function Switch(props: SwitchProps) {
  return (
    <label class={`switch-row${props.class ? ` ${props.class}` : ''}`}>
      <input
        type="checkbox"
        role="switch"
        class="toggle"
        checked={props.checked}
        aria-describedby={props.describedBy}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <span class="switch-name">{props.children}</span>
      {props.after}
      {props.showState && (
        <span class="switch-state" aria-hidden="true">
          {props.checked ? t('switch.on') : t('switch.off')}
        </span>
      )}
    </label>
  );
}
