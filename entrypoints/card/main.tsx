import { render } from 'preact';
import { CardFrame } from '@/components/CardFrame';
import '@/components/entry-card.css';
import '@/components/card-frame.css';
import { CARD_PORT_MESSAGE, isToCard, type FromCard, type ToCard } from '@/lib/card/protocol';
import { BACKGROUND, sender } from '@/lib/services/messages';
import { localisePage, t } from '@/lib/i18n';

localisePage(t('card.frameTitle'));

/**
 * The card, in a frame of the extension's own origin that the page cannot read (see
 * lib/card/protocol.ts). The content script that placed the frame hands it a MessageChannel port
 * as it loads; the card's data, with the reader's own sources, comes from the background.
 */
const toBackground = sender(BACKGROUND, (request) => browser.runtime.sendMessage(request));
const loadEntry = (id: string) => toBackground('crosscheck:get-entry', { id });
const loadOwn = (id: string) => toBackground('crosscheck:get-entry-with-own', { id });

function start(port: MessagePort): void {
  const subscribe = (listener: (message: ToCard) => void) => {
    const onMessage = ({ data }: MessageEvent) => {
      if (isToCard(data)) listener(data);
    };
    port.addEventListener('message', onMessage);
    port.start();
    return () => port.removeEventListener('message', onMessage);
  };
  const post = (message: FromCard) => port.postMessage(message);
  render(
    <CardFrame
      subscribe={subscribe}
      post={post}
      loadEntry={loadEntry}
      loadOwn={loadOwn}
      uiLanguage={browser.i18n.getUILanguage()}
    />,
    document.getElementById('app')!,
  );
}

// One port, from the window that embeds this frame; later offers are ignored.
window.addEventListener('message', function accept(event: MessageEvent) {
  const port = event.ports[0];
  if (event.source !== window.parent || (event.data as { type?: unknown })?.type !== CARD_PORT_MESSAGE || !port) return;
  window.removeEventListener('message', accept);
  start(port);
});
