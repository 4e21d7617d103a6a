/**
 * Which port offer the card's frame takes. The frame gets its MessageChannel port in a message on
 * its window, and a page's own script posts from that same window: told apart by nothing else, a
 * page that offers its port while the frame loads can win the frame and have it show what the page
 * likes (and learn from the sizes it reports). So the content script posts, with its port, a
 * ticket the background issued to it; the frame asks the background which tickets were issued in
 * its tab and takes the first offer that carries one. Tickets travel only over the extension's
 * own messaging and into the frame's own window, where no page script can read them.
 */

/** Tickets kept per tab: a page's content scripts in its frames, and frames reloaded, each take one. */
export const TICKETS_PER_TAB = 8;

/** The background's record of the tickets it issued, per tab. */
export class TicketBook {
  private readonly byTab = new Map<number, string[]>();

  constructor(private readonly newTicket: () => string = () => crypto.randomUUID()) {}

  issue(tabId: number): string {
    const ticket = this.newTicket();
    const tickets = [...(this.byTab.get(tabId) ?? []), ticket].slice(-TICKETS_PER_TAB);
    this.byTab.set(tabId, tickets);
    return ticket;
  }

  ticketsOf(tabId: number): readonly string[] {
    return this.byTab.get(tabId) ?? [];
  }

  forget(tabId: number): void {
    this.byTab.delete(tabId);
  }
}

/** Offers held while the frame waits for the background's answer; a page that floods is cut short. */
export const MAX_WAITING_OFFERS = 10_000;

interface WaitingOffer {
  readonly ticket: string;
  readonly port: MessagePort;
  /** Which of the frame's questions to the background was the first asked after this offer came. */
  readonly answeredBy: number;
}

/**
 * The frame's side: the first offer whose ticket the background issued in this tab is taken; every
 * other port is closed. An offer is judged by an answer asked after it came, so a ticket issued
 * just before its offer is known.
 */
export class PortOffers {
  private waiting: WaitingOffer[] = [];
  private taken = false;
  private asked = 0;
  private asking = false;

  constructor(
    private readonly options: {
      readonly ticketsInThisTab: () => Promise<readonly string[]>;
      readonly take: (port: MessagePort) => void;
    },
  ) {}

  offer(ticket: unknown, port: MessagePort): void {
    if (this.taken || typeof ticket !== 'string') return port.close();
    this.waiting.push({ ticket, port, answeredBy: this.asked + 1 });
    if (this.waiting.length > MAX_WAITING_OFFERS) this.waiting.shift()!.port.close();
    void this.ask();
  }

  private async ask(): Promise<void> {
    if (this.asking) return;
    this.asking = true;
    const question = ++this.asked;
    let issued: ReadonlySet<string>;
    try {
      issued = new Set(await this.options.ticketsInThisTab());
    } catch {
      issued = new Set();
    }
    this.asking = false;
    this.judge(question, issued);
    if (!this.taken && this.waiting.length > 0) void this.ask();
  }

  /** Settles the offers this answer covers: the first with an issued ticket is taken. */
  private judge(question: number, issued: ReadonlySet<string>): void {
    const covered = this.waiting.filter((offer) => offer.answeredBy <= question);
    this.waiting = this.waiting.filter((offer) => offer.answeredBy > question);
    for (const offer of covered) {
      if (!this.taken && issued.has(offer.ticket)) {
        this.taken = true;
        this.options.take(offer.port);
      } else offer.port.close();
    }
    if (this.taken) for (const offer of this.waiting.splice(0)) offer.port.close();
  }
}
