import type { Context } from '../../cli/context.js';
import type { Deck } from '../../core/deck/note.js';
import { isSlug } from '../../core/deck/slug.js';
import { UserError } from '../../core/errors.js';
import type { Settings, StudyDirection } from '../../core/settings.js';
import { dayStart, nextDayStart } from '../../core/srs/day.js';
import { buildQueue, countDueTomorrow, type DeckCards, type QueueOptions } from '../../core/srs/queue.js';
import { indexDecks, queueFromIndex } from '../../core/srs/queue-index.js';
import { makeScheduler } from '../../core/srs/scheduler.js';
import { startSession, step, summarise, type SessionConfig, type SessionEvent, type SessionState } from '../../core/srs/session.js';
import { siblingPairs } from '../../core/srs/siblings.js';
import { listDeckSlugs, readDeck, writeDeck } from '../../store/deck-files.js';
import { DiskFull } from '../../store/disk.js';
import { readJournalSince } from '../../store/journal.js';
import { deckStamps, readIndexedNote, readQueueIndex, saveQueueIndex } from '../../store/queue-index-file.js';
import { SettingsFile, type StoredSettings } from '../../store/settings.js';
import type { Stamp } from '../../store/stamp.js';
import type { Store } from '../../store/store.js';
import type { KeyReader } from '../../ui/keys.js';
import { eventForKey, typingAnswer, typingInput } from '../../ui/review/bindings.js';
import { loadPinyin } from '../../ui/review/pinyin.js';
import { renderReview, renderSummary } from '../../ui/review/render.js';
import { openScreen, type Screen } from '../../ui/review/screen.js';
import { resolveDeck } from '../deck-name.js';
import { entryId } from '../entry-id.js';
import { sampleDeck } from './sample.js';

export interface ReviewOptions {
  direction?: StudyDirection;
  new?: number;
  limit?: number;
  type?: boolean;
  ahead?: number;
}

/** On an empty home, the first `parley review` offers the bundled sample so there is something to learn. */
async function offerSample(ctx: Context): Promise<Deck[]> {
  const sample = sampleDeck(ctx.dist);
  const yes = await ctx.prompter.confirm({ message: `No decks yet. Add the sample deck "${sample.name}" (${sample.notes.length} notes) and review it?`, default: true });
  if (!yes) return [];
  await ctx.store();
  writeDeck(ctx.paths, sample);
  return [sample];
}

/** A preview before the real session, and where it came from. */
interface Preview {
  state: SessionState;
  pairs: [string, string][];
}

function queueOptions(options: ReviewOptions, settings: Settings): QueueOptions {
  return { direction: options.direction ?? settings.direction, newLimit: options.new, reviewLimit: options.limit, aheadDays: options.ahead };
}

function sessionConfig(options: ReviewOptions, settings: StoredSettings): SessionConfig {
  return {
    scheduler: makeScheduler(settings, { weights: settings.fsrsWeights }),
    idGen: entryId,
    dayStartsAt: settings.dayStartsAt,
    typeAnswers: options.type === true,
  };
}

/**
 * The session's first screen from the queue index, before decks and schedules load: the queue is
 * ordered and counted from the index, and only the first card's note is read from its deck file.
 * The real session replaces it a moment later; undefined when there is no usable index.
 */
function preview(ctx: Context, options: ReviewOptions, slugs: readonly string[], stamps: Record<string, Stamp>, start: Date): Preview | undefined {
  const found = readQueueIndex(ctx.paths, slugs, stamps);
  if (!found) return undefined;
  const settings = new SettingsFile(ctx.paths.root, ctx.paths.settings).all();
  const today = readJournalSince(ctx.paths.journal, dayStart(start, settings.dayStartsAt));
  const queue = queueFromIndex(found.index, found.later, today, settings, queueOptions(options, settings), start);
  const state = startSession(queue, sessionConfig(options, settings), { pinyin: settings.showPinyin }, start);
  const showing = state.showing;
  if (!showing) return undefined;
  const { deck, note: hollow } = showing.card;
  const indexed = found.index.decks.find((d) => d.slug === deck)!;
  const note = readIndexedNote(ctx.paths, indexed, hollow.order, hollow.id) ?? readDeck(ctx.paths, deck).notes.find((n) => n.id === hollow.id);
  if (!note) return undefined;
  return { state: { ...state, showing: { ...showing, card: { ...showing.card, note } } }, pairs: found.index.pairs };
}

export async function run(options: ReviewOptions, names: string[], ctx: Context): Promise<void> {
  if (!ctx.io.stdin.isTTY || !ctx.io.stdout.isTTY) {
    throw new UserError('review needs an interactive terminal', 'run `parley review` in a terminal; scripts can use `parley decks --json`');
  }
  const start = ctx.now();
  // Reviewing every deck (the daily habit) keeps the queue index that lets the next session start at once.
  const slugs = names.length === 0 && ctx.homeExists() ? listDeckSlugs(ctx.paths) : undefined;
  const stamps = slugs && deckStamps(ctx.paths, slugs);
  let early: Preview | undefined;
  try {
    // Named decks start from the index too when each name is a deck's slug (not its display name,
    // which may give another deck's slug).
    const from = slugs ?? (names.every(isSlug) ? [...new Set(names)] : []);
    const fromStamps = slugs ? stamps : deckStamps(ctx.paths, from);
    early = from.length && fromStamps ? preview(ctx, options, from, fromStamps, start) : undefined;
  } catch {
    // Whatever the preview tripped on, the full load below meets again and reports properly.
  }
  let terminal = early ? openTerminal(ctx, early.state) : undefined;
  const warnings: string[] = [];
  try {
    let decks = slugs ? slugs.map((slug) => readDeck(ctx.paths, slug)) : ctx.homeExists() ? names.map((name) => resolveDeck(ctx.paths, name)) : [];
    // A deck named twice (by slug and by name) is still one deck.
    decks = decks.filter((deck, i) => decks.findIndex((d) => d.slug === deck.slug) === i);
    if (decks.length === 0 && names.length === 0) decks = await offerSample(ctx);
    if (decks.length === 0) {
      ctx.io.out('Nothing to review. Make a deck with `parley import article.txt`.');
      return;
    }
    const store = await ctx.store();
    const settings = store.settings.all();
    store.loadDecks(decks.map((d) => d.slug));
    warnings.push(...store.takeWarnings());
    if (!terminal) warnings.splice(0).forEach((w) => ctx.io.err(`parley: ${w}`));
    // A deck renamed meanwhile by another parley has its states under its new slug.
    const deckCards = (): DeckCards[] => decks.map((d) => ({ slug: d.slug, name: d.name, notes: d.notes, states: store.states(store.current(d.slug)) }));
    const queue = buildQueue(deckCards(), store.journalSince(dayStart(start, settings.dayStartsAt)), settings, queueOptions(options, settings), start);
    if (queue.learning.length + queue.review.length + queue.fresh.length === 0) {
      terminal?.close();
      terminal = undefined;
      const tomorrow = countDueTomorrow(deckCards(), start, settings.dayStartsAt);
      ctx.io.out(`Nothing due now. ${tomorrow} card${tomorrow === 1 ? '' : 's'} due tomorrow (from ${nextDayStart(start, settings.dayStartsAt).toLocaleString()}).`);
      return;
    }
    const initial = startSession(queue, early?.state.config ?? sessionConfig(options, settings), { pinyin: settings.showPinyin }, start);
    terminal ??= openTerminal(ctx);
    const state = await runSession(ctx, store, initial, terminal);
    terminal.close();
    terminal = undefined;
    try {
      await store.compact();
    } catch (error) {
      // Every grade is in the journal; the snapshot only saves the next start some time.
      if (!(error instanceof DiskFull)) throw error;
      warnings.push(`${error.message}: every grade is saved, only the schedule cache was not updated`);
    }
    // An index that started this session and saw no grade is still as good as new.
    if (stamps && decks.every((d) => d.slug in stamps) && (!early || state.tally.done > 0)) saveIndex(ctx, store, decks, stamps, early?.pairs);
    const now = ctx.now();
    ctx.io.out(renderSummary(
      { ...summarise(state), dueTomorrow: countDueTomorrow(deckCards(), now, settings.dayStartsAt) },
      { columns: ctx.io.columns, color: ctx.io.color },
    ));
  } finally {
    terminal?.close();
    warnings.forEach((w) => ctx.io.err(`parley: ${w}`));
  }
}

/** The queue index for the next session, from this one's decks and states; `pairs` when the decks are unchanged since the last. */
function saveIndex(ctx: Context, store: Store, decks: readonly Deck[], stamps: Record<string, Stamp>, pairs: [string, string][] | undefined): void {
  const loaded = decks.map((deck) => ({ deck, states: store.states(deck.slug) }));
  saveQueueIndex(ctx.paths, stamps, store.end, indexDecks(loaded, pairs ?? siblingPairs(decks.flatMap((d) => d.notes))));
}

/** The alternate screen and raw keys, opened together so no key typed meanwhile is echoed or lost. */
interface Terminal {
  screen: Screen;
  keys: KeyReader;
  /** A dumb terminal (TERM=dumb): plain scrolling text, and a typed answer is a line it echoes. */
  dumb: boolean;
  /** Ctrl+Z: hands the terminal back and stops parley, as the shell would have without raw mode. */
  suspend(): void;
  close(): void;
}

function openTerminal(ctx: Context, preview?: SessionState): Terminal {
  const dumb = ctx.env.TERM === 'dumb';
  const screen = openScreen(ctx.io, dumb);
  const keys = ctx.keys();
  if (preview) screen.draw(renderReview(preview, { ...screen.size(), color: ctx.io.color, typed: dumb ? undefined : '' }));
  return {
    screen,
    keys,
    dumb,
    suspend() {
      // Windows has no job control: there Ctrl+Z means nothing.
      if (process.platform === 'win32') return;
      keys.pause();
      screen.leave();
      process.kill(process.pid, 'SIGTSTP');
      // Here once continued (`fg`), or at once where nothing can stop parley (a process group
      // without a shell to return to: the kernel discards the signal). The reader's SIGCONT redraws.
      screen.enter();
      keys.resume();
    },
    close() {
      keys.close();
      screen.close();
    },
  };
}

/**
 * The loop: a key becomes an event, the reducer answers with a new state and effects, and every
 * journal append is committed (fsynced) before the next frame is drawn. A typed answer (--type) is
 * edited here, on the screen, until enter submits it.
 */
async function runSession(ctx: Context, store: Store, initial: SessionState, terminal: Terminal): Promise<SessionState> {
  const { screen, keys, dumb } = terminal;
  let state = initial;
  let typed = '';
  let pinyin = state.pinyin ? await loadPinyin() : undefined;
  const draw = () => screen.draw(renderReview(state, { ...screen.size(), color: ctx.io.color, pinyin, typed: dumb ? undefined : typed }));

  const dispatch = (event: SessionEvent) => {
    const before = state;
    const result = step(state, event, ctx.now());
    state = result.state;
    for (const effect of result.effects) {
      if (effect.type !== 'append') continue;
      let committed: ReturnType<Store['commit']>;
      try {
        committed = store.commit(effect.entries);
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        // Nothing was recorded (a full disk, a lock held too long): back to the moment before the
        // key, with the reason on screen, so the same key works once the problem is gone.
        state = { ...before, notice: `${error.message} — ${error instanceof DiskFull ? 'free space and press the key again' : error.todo}` };
        return;
      }
      if (!committed.ok) {
        const refused = effect.entries[0]!;
        dispatch({ type: 'rebase', refused, stored: store.states(store.current(refused.deck)).get(refused.cardId) ?? null });
        return;
      }
    }
  };

  draw();
  while (!state.quit) {
    const typing = typingAnswer(state);
    if (dumb) keys.cooked(typing);
    const input = await keys.next(typing);
    if (input === null) break;
    if (input === 'ctrl-z') {
      terminal.suspend();
    } else if (typing) {
      const result = typingInput(input, typed);
      if (result && 'typed' in result) typed = result.typed;
      else if (result) {
        typed = '';
        dispatch(result);
      }
    } else if (typeof input === 'string') {
      if (state.finished && input !== 'u') break;
      const event = eventForKey(input, state);
      if (event?.type === 'toggle-pinyin' && !pinyin) pinyin = await loadPinyin();
      if (event) dispatch(event);
    }
    draw();
  }
  return state;
}
