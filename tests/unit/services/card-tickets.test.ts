import { describe, expect, it, vi } from 'vitest';
import { MAX_WAITING_OFFERS, PortOffers, TICKETS_PER_TAB, TicketBook } from '@/lib/services/card-tickets';

/** A stand-in for a transferred MessagePort: only whether it was closed matters here. */
const port = (name: string) =>
  ({ name, close: vi.fn() }) as unknown as MessagePort & { name: string; close: () => void };

/** A background whose answers the test releases one at a time, reading the book as it is then. */
function background(book: TicketBook, tabId: number) {
  const answers: (() => void)[] = [];
  const ticketsInThisTab = () =>
    new Promise<readonly string[]>((resolve) => answers.push(() => resolve(book.ticketsOf(tabId))));
  const answerNext = async () => {
    answers.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { ticketsInThisTab, answerNext, questions: () => answers.length };
}

describe('TicketBook', () => {
  it('issues fresh tickets per tab, keeps the latest few, and forgets a closed tab', () => {
    let n = 0;
    const book = new TicketBook(() => `t${++n}`);
    const issued = Array.from({ length: TICKETS_PER_TAB + 2 }, () => book.issue(1));
    book.issue(2);
    expect(book.ticketsOf(1)).toEqual(issued.slice(-TICKETS_PER_TAB));
    expect(book.ticketsOf(2)).toEqual([`t${TICKETS_PER_TAB + 3}`]);
    book.forget(1);
    expect(book.ticketsOf(1)).toEqual([]);
  });

  it('makes unguessable tickets by default', () => {
    const book = new TicketBook();
    const [a, b] = [book.issue(1), book.issue(1)];
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
  });
});

describe('PortOffers: the frame takes only the port that carries an issued ticket', () => {
  it.each([
    ['the page offers first, Crosscheck after', ['page', 'crosscheck'], 'crosscheck'],
    ['Crosscheck offers first, the page after', ['crosscheck', 'page'], 'crosscheck'],
    ['the page floods before and after', ['page', 'page', 'crosscheck', 'page'], 'crosscheck'],
    ['only the page offers', ['page', 'page'], null],
  ])('%s', async (_name, who, taken) => {
    const book = new TicketBook();
    const bg = background(book, 7);
    const take = vi.fn();
    const offers = new PortOffers({ ticketsInThisTab: bg.ticketsInThisTab, take });
    const ports = who.map((w, i) => port(`${w}-${i}`));
    who.forEach((w, i) => offers.offer(w === 'crosscheck' ? book.issue(7) : 'guessed-ticket', ports[i]!));
    while (bg.questions() > 0) await bg.answerNext();
    const takenPorts = take.mock.calls.map(([p]) => (p as { name: string }).name);
    expect(takenPorts).toEqual(taken ? [ports[who.indexOf(taken)]!.name] : []);
    for (const p of ports) if (!takenPorts.includes(p.name)) expect(p.close).toHaveBeenCalled();
  });

  it('judges an offer by an answer asked after it came: a ticket issued while a question was out still counts', async () => {
    const book = new TicketBook();
    const bg = background(book, 7);
    const take = vi.fn();
    const offers = new PortOffers({ ticketsInThisTab: bg.ticketsInThisTab, take });
    offers.offer('guessed-ticket', port('page'));
    const real = port('crosscheck');
    // The question about the page's offer is out; Crosscheck's ticket is issued, and offered.
    offers.offer(book.issue(7), real);
    await bg.answerNext();
    expect(take).not.toHaveBeenCalled();
    await bg.answerNext();
    expect(take).toHaveBeenCalledWith(real);
  });

  it('takes one port only: a later offer, even with an issued ticket, is closed', async () => {
    const book = new TicketBook();
    const bg = background(book, 7);
    const take = vi.fn();
    const offers = new PortOffers({ ticketsInThisTab: bg.ticketsInThisTab, take });
    offers.offer(book.issue(7), port('first'));
    await bg.answerNext();
    const later = port('later');
    offers.offer(book.issue(7), later);
    expect(later.close).toHaveBeenCalled();
    expect(take).toHaveBeenCalledTimes(1);
  });

  it('refuses a ticket from another tab, and anything that is not a ticket', async () => {
    const book = new TicketBook();
    const bg = background(book, 7);
    const take = vi.fn();
    const offers = new PortOffers({ ticketsInThisTab: bg.ticketsInThisTab, take });
    const other = port('other-tab');
    const notTicket = port('not-a-ticket');
    offers.offer(book.issue(8), other);
    offers.offer({ ticket: true }, notTicket);
    while (bg.questions() > 0) await bg.answerNext();
    expect(take).not.toHaveBeenCalled();
    expect(other.close).toHaveBeenCalled();
    expect(notTicket.close).toHaveBeenCalled();
  });

  it('holds at most MAX_WAITING_OFFERS while it waits, closing the oldest', () => {
    const offers = new PortOffers({ ticketsInThisTab: () => new Promise(() => undefined), take: vi.fn() });
    const first = port('first');
    offers.offer('x', first);
    for (let i = 0; i < MAX_WAITING_OFFERS; i++) offers.offer('x', port(String(i)));
    expect(first.close).toHaveBeenCalled();
  });
});
