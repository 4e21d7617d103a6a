import { render } from 'preact';
import { CardFrame } from '@/components/CardFrame';
import '@/components/entry-card.css';
import '@/components/card-frame.css';
import { CARD_PORT_MESSAGE, isToCard, type FromCard, type ToCard } from '@/lib/card/protocol';
import { BACKGROUND, sender } from '@/lib/services/messages';
import { PortOffers } from '@/lib/services/card-tickets';
import { localisePage, t, uiLanguage } from '@/lib/i18n';

localisePage(t('card.frameTitle'));

/**
 * The card, in a frame of the extension's own origin that the page cannot read (see
 * lib/card/protocol.ts). The content script that placed the frame hands it a MessageChannel port
 * (with a ticket from the background) as it loads; the card's data, with the reader's own sources, comes from the background.
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
    <CardFrame subscribe={subscribe} post={post} loadEntry={loadEntry} loadOwn={loadOwn} uiLanguage={uiLanguage()} />,
    document.getElementById('app')!,
  );
}

// One port, from the window that embeds this frame, carrying a ticket the background issued in this
// tab: a page's script posts from that window too, but never has a ticket (see card-tickets.ts).
const offers = new PortOffers({ ticketsInThisTab: () => toBackground('crosscheck:card-tickets'), take: start });
window.addEventListener('message', (event: MessageEvent) => {
  const port = event.ports[0];
  const { type, ticket } = (event.data ?? {}) as { type?: unknown; ticket?: unknown };
  if (event.source !== window.parent || type !== CARD_PORT_MESSAGE || !port) return;
  offers.offer(ticket, port);
});
