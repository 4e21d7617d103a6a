import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import {
  isPrivateContent,
  NOTICE_CARD_SIZE,
  PRIVATE_CARD_SIZE,
  type CardContent,
  type FromCard,
  type ToCard,
} from '@/lib/card/protocol';
import type { EntryResponse } from '@/lib/my-sources/entry';
import { t } from '@/lib/i18n';
import { EntryCard } from './EntryCard';
import { FigureCheckCard } from './FigureCheckCard';

export interface CardFrameProps {
  /** Listens to the content script's messages; returns the way to stop. */
  readonly subscribe: (listener: (message: ToCard) => void) => () => void;
  /** Tells the content script a size or a wish: never anything of the reader's library. */
  readonly post: (message: FromCard) => void;
  /** The bundled knowledge base's card data: the same for every reader. */
  readonly loadEntry: (id: string) => Promise<EntryResponse>;
  /** The card data with what the reader's saved articles and tracked terms add. */
  readonly loadOwn: (id: string) => Promise<EntryResponse>;
  /** The browser's interface language ("zh-CN"), read once by the frame's page: the cards' content follows it. */
  readonly uiLanguage: string;
}

const HEADING_ID = 'crosscheck-card-heading';
const MISSING: EntryResponse = { entry: null, sources: [], corpusSize: 0 };

interface View {
  readonly seq: number;
  readonly content: CardContent;
  readonly readerLanguage: string;
  /** Cards left by following related entries, most recent last: Back returns to them. */
  readonly history: readonly CardContent[];
  /** Which card this is, of all the frame has shown: each is measured (and focused) once. */
  readonly step: number;
  readonly focus: boolean;
  readonly maxWidth: number;
}

/** The entry whose bundled data a card shows, if any: the entry's, or a checked figure's linked claim's. */
function bundledId(content: CardContent): string | null {
  if (content.kind === 'check') return content.check.linked?.claim.id ?? null;
  if (content.kind !== 'entry' || isPrivateContent(content)) return null;
  return content.entryId;
}

/**
 * The card, inside the extension's own frame. Its size is measured while it shows only the
 * bundled knowledge base's data (or fixed, for a card that is the reader's own), and told to the
 * content script, which sizes and places the frame; what the reader's library adds comes after,
 * inside the card's scrolling body. So the frame's size, which the page can see, says nothing
 * about the library.
 */
export function CardFrame({ subscribe, post, loadEntry, loadOwn, uiLanguage }: CardFrameProps) {
  const [view, setView] = useState<View | null>(null);
  const [bundled, setBundled] = useState<ReadonlyMap<string, EntryResponse>>(new Map());
  const [own, setOwn] = useState<ReadonlyMap<string, EntryResponse>>(new Map());
  /** The view step whose size was told: what the library adds is shown only after that. */
  const [measuredStep, setMeasuredStep] = useState(-1);
  const panel = useRef<HTMLDivElement>(null);
  const requested = useRef(new Set<string>());
  /** Counts every card this frame shows, whichever way it came. */
  const steps = useRef(0);

  /**
   * Asks for the bundled data as soon as a card is wanted, not after a render: an entry's, or, for
   * a checked figure linked to a claim, the claim's (its sources name who states what).
   */
  const load = useCallback(
    (content: CardContent) => {
      const id = bundledId(content);
      if (id === null || requested.current.has(id)) return;
      requested.current.add(id);
      loadEntry(id).then(
        (response) => setBundled((map) => new Map(map).set(id, response)),
        () => setBundled((map) => new Map(map).set(id, MISSING)),
      );
    },
    [loadEntry],
  );

  // Layout effects, not effects, on the way to a shown card: an effect waits for a frame to be
  // drawn, and a hidden frame is drawn late (it cost about 40 ms each time).
  useLayoutEffect(
    () =>
      subscribe((message) => {
        if (message.type === 'crosscheck-card:hide') {
          setView(null);
          return;
        }
        const { seq, content, readerLanguage, focus, maxWidth } = message;
        load(content);
        setView({ seq, content, readerLanguage, focus, maxWidth, history: [], step: ++steps.current });
      }),
    [subscribe, load],
  );

  useEffect(() => {
    const inside = (value: boolean) => () => post({ type: 'crosscheck-card:pointer', inside: value });
    const enter = inside(true);
    const leave = inside(false);
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') post({ type: 'crosscheck-card:close', restoreFocus: true });
    };
    document.documentElement.addEventListener('pointerenter', enter);
    document.documentElement.addEventListener('pointerleave', leave);
    document.addEventListener('keydown', onKey);
    return () => {
      document.documentElement.removeEventListener('pointerenter', enter);
      document.documentElement.removeEventListener('pointerleave', leave);
      document.removeEventListener('keydown', onKey);
    };
  }, [post]);

  const content = view?.content;
  const entryId = content?.kind === 'entry' ? content.entryId : null;
  const isPrivate = content ? isPrivateContent(content) : false;
  const publicId = content ? bundledId(content) : null;
  const publicData = publicId === null ? undefined : bundled.get(publicId);
  const ready = content !== undefined && (publicId === null || publicData !== undefined);

  // Measured (or fixed) and told before anything of the reader's own is drawn.
  useLayoutEffect(() => {
    const element = panel.current;
    if (!view || !ready || !element || measuredStep === view.step) return;
    const fixed = view.content.kind === 'notice' ? NOTICE_CARD_SIZE : isPrivate ? PRIVATE_CARD_SIZE : null;
    let size: { width: number; height: number };
    if (fixed) {
      size = { width: Math.min(fixed.width, view.maxWidth), height: fixed.height };
      element.style.width = `${size.width}px`;
    } else {
      element.style.width = '';
      element.style.maxHeight = 'none';
      size = { width: Math.ceil(element.offsetWidth), height: Math.ceil(element.offsetHeight) };
      element.style.maxHeight = '';
      // Held at the measured width: what the library adds wraps inside it, never widens the frame.
      element.style.width = `${size.width}px`;
    }
    post({ type: 'crosscheck-card:size', seq: view.seq, ...size });
    setMeasuredStep(view.step);
    if (view.focus) element.focus({ preventScroll: true });
    // Then what the reader's library adds, loaded by this frame itself, afresh for each card.
    if (entryId) {
      loadOwn(entryId).then(
        (response) => setOwn((map) => new Map(map).set(entryId, response)),
        () => undefined, // the bundled card stands
      );
    }
  }, [view, ready, isPrivate, measuredStep, post, entryId, loadOwn]);

  const showOwn = view !== null && measuredStep === view.step;

  const close = useCallback(() => post({ type: 'crosscheck-card:close', restoreFocus: true }), [post]);
  const openEntry = useCallback(
    (id: string) => {
      const step = ++steps.current;
      load({ kind: 'entry', entryId: id, figure: null });
      setView(
        (previous) =>
          previous && {
            ...previous,
            content: { kind: 'entry', entryId: id, figure: null },
            history: [...previous.history, previous.content],
            step,
            focus: true,
          },
      );
    },
    [load],
  );
  const back = useCallback(() => {
    const step = ++steps.current;
    setView((previous) =>
      previous && previous.history.length > 0
        ? {
            ...previous,
            content: previous.history[previous.history.length - 1]!,
            history: previous.history.slice(0, -1),
            step,
            focus: true,
          }
        : previous,
    );
  }, []);

  if (!view || !content) return null;
  const previous = view.history[view.history.length - 1];
  const titleOf = (earlier: CardContent): string =>
    earlier.kind === 'check'
      ? t('check.title')
      : earlier.kind === 'notice'
        ? t('extension.name')
        : ((own.get(earlier.entryId) ?? bundled.get(earlier.entryId))?.entry?.label ?? t('card.previousCard'));
  const onBack = previous && { label: titleOf(previous), go: back };

  let card;
  if (content.kind === 'notice') {
    card = (
      <div class="card notice-card" role="status">
        <p id={HEADING_ID} class="summary">
          {content.message}
        </p>
        <button type="button" class="close" aria-label={t('close')} onClick={close}>
          ×
        </button>
      </div>
    );
  } else if (content.kind === 'check') {
    card = (
      <FigureCheckCard
        check={content.check}
        sources={publicData?.sources ?? []}
        headingId={HEADING_ID}
        onClose={close}
        onOpenEntry={openEntry}
      />
    );
  } else {
    const withOwn = showOwn ? own.get(content.entryId) : undefined;
    const response = withOwn ?? publicData;
    card = (
      <EntryCard
        key={content.entryId}
        entry={response?.entry}
        sources={response?.sources ?? []}
        corpusSize={response?.corpusSize ?? 0}
        readerLanguage={view.readerLanguage}
        uiLanguage={uiLanguage}
        headingId={HEADING_ID}
        pageFigure={content.figure}
        onClose={close}
        onOpenEntry={openEntry}
        onBack={onBack}
        own={withOwn?.own}
      />
    );
  }
  return (
    <div
      ref={panel}
      class="popover"
      role="dialog"
      aria-labelledby={HEADING_ID}
      aria-describedby={`${HEADING_ID}-summary`}
      tabIndex={-1}
      style={{ maxWidth: `${view.maxWidth}px` }}
    >
      {card}
    </div>
  );
}
