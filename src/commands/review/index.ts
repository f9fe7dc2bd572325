import type { Context } from '../../cli/context.js';
import type { NoteRef } from '../../core/deck/outline.js';
import { UserError } from '../../core/errors.js';
import type { Settings, StudyDirection } from '../../core/settings.js';
import { dayStart, nextDayStart } from '../../core/srs/day.js';
import { buildQueue, countDueTomorrow, type DeckCards, type Queue, type QueuedCard, type QueueOptions } from '../../core/srs/queue.js';
import { makeScheduler } from '../../core/srs/scheduler.js';
import { sameState } from '../../core/srs/replay.js';
import { spoken, startSession, step, summarise, type ChangedCard, type SessionConfig, type SessionEvent, type SessionState } from '../../core/srs/session.js';
import { listDeckSlugs, writeDeck } from '../../store/deck-files.js';
import { DiskFull } from '../../store/disk.js';
import type { StoredSettings } from '../../store/settings.js';
import type { Store } from '../../store/store.js';
import type { KeyReader } from '../../ui/keys.js';
import { eventForKey, typingAnswer, typingInput } from '../../ui/review/bindings.js';
import { renderReview, renderSummary } from '../../ui/review/render.js';
import { openScreen, type Screen } from '../../ui/review/screen.js';
import { createSpeaker, installHint, type Speaker } from '../../ui/speech.js';
import { lazyPinyin } from '../artifacts.js';
import { resolveDeckSlug } from '../deck-name.js';
import { entryId } from '../../store/entry-id.js';
import { sampleDeck } from './sample.js';

export interface ReviewOptions {
  direction?: StudyDirection;
  new?: number;
  limit?: number;
  type?: boolean;
  ahead?: number;
  speak?: boolean;
}

/** On an empty home, the first `parley review` offers the bundled sample so there is something to learn. */
async function offerSample(ctx: Context): Promise<string[]> {
  const sample = sampleDeck(ctx.dist);
  const yes = await ctx.prompter.confirm({ message: `No decks yet. Add the sample deck "${sample.name}" (${sample.notes.length} notes) and review it?`, default: true });
  if (!yes) return [];
  const store = await ctx.store();
  writeDeck(ctx.paths, sample);
  store.wrote(sample);
  return [sample.slug];
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

/** The slugs of the decks to review: all of them, or those named (by slug or display name, each once). */
function chosenDecks(ctx: Context, store: Store, names: readonly string[]): string[] {
  if (!ctx.homeExists()) return [];
  if (names.length === 0) return listDeckSlugs(ctx.paths);
  return [...new Set(names.map((name) => resolveDeckSlug(ctx.paths, name, (slug) => store.deckNotes(slug)?.name)))];
}

/**
 * The queue with its notes' text: only the queued notes are read, each alone from its deck file,
 * so a session over a big home starts without parsing every deck. A note gone from its file meanwhile leaves the queue.
 */
function withText(store: Store, queue: Queue<NoteRef>): Queue {
  const wanted = new Map<string, number[]>();
  for (const card of [...queue.learning, ...queue.review, ...queue.fresh]) {
    const list = wanted.get(card.deck) ?? [];
    list.push(card.note.order);
    wanted.set(card.deck, list);
  }
  const text = new Map([...wanted].map(([slug, positions]) => [slug, store.notes(slug, positions)]));
  const fill = (cards: readonly QueuedCard<NoteRef>[]): QueuedCard[] =>
    cards.flatMap((card) => {
      const note = text.get(card.deck)?.get(card.note.order);
      return note ? [{ ...card, note }] : [];
    });
  return { learning: fill(queue.learning), review: fill(queue.review), fresh: fill(queue.fresh) };
}

export async function run(options: ReviewOptions, names: string[], ctx: Context): Promise<void> {
  if (!ctx.io.stdin.isTTY || !ctx.io.stdout.isTTY) {
    throw new UserError('review needs an interactive terminal', 'run `parley review` in a terminal; scripts can use `parley decks --json`');
  }
  const start = ctx.now();
  const store = ctx.homeExists() ? await ctx.store() : undefined;
  let slugs = store ? chosenDecks(ctx, store, names) : [];
  if (slugs.length === 0 && names.length === 0) slugs = await offerSample(ctx);
  if (slugs.length === 0) {
    ctx.io.out('Nothing to review. Make a deck with `parley import article.txt`.');
    return;
  }
  const home = store ?? (await ctx.store());
  const settings = home.settings.all();
  const decks = (): DeckCards<NoteRef>[] => slugs.flatMap((slug) => home.deckCards(home.current(slug)) ?? []);
  const queue = buildQueue(decks(), home.journalSince(dayStart(start, settings.dayStartsAt)), settings, queueOptions(options, settings), start);
  const warnings = home.takeWarnings();
  let terminal: Terminal | undefined;
  let voice: Voice | undefined;
  try {
    if (queue.learning.length + queue.review.length + queue.fresh.length === 0) {
      warnings.splice(0).forEach((w) => ctx.io.err(`parley: ${w}`));
      const tomorrow = countDueTomorrow(decks(), start, settings.dayStartsAt);
      ctx.io.out(`Nothing due now. ${tomorrow} card${tomorrow === 1 ? '' : 's'} due tomorrow (from ${nextDayStart(start, settings.dayStartsAt).toLocaleString()}).`);
      return;
    }
    const initial = startSession(withText(home, queue), sessionConfig(options, settings), { pinyin: settings.showPinyin }, start);
    terminal = openTerminal(ctx);
    voice = sessionVoice(ctx, options.speak === true || settings.speech === 'auto');
    const state = await runSession(ctx, home, initial, terminal, voice);
    terminal.close();
    terminal = undefined;
    const now = ctx.now();
    ctx.io.out(renderSummary(
      { ...summarise(state), dueTomorrow: countDueTomorrow(decks(), now, settings.dayStartsAt) },
      { columns: ctx.io.columns, color: ctx.io.color },
    ));
  } finally {
    // Silence when the session ends, however it ends.
    voice?.speaker.stop();
    terminal?.close();
    warnings.forEach((w) => ctx.io.err(`parley: ${w}`));
  }
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

function openTerminal(ctx: Context): Terminal {
  const dumb = ctx.env.TERM === 'dumb';
  const screen = openScreen(ctx.io, dumb);
  const keys = ctx.keys();
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

/** The session's speech: `v`, and with `--speak` (or `speech` auto) each prompt as it appears. */
interface Voice {
  speaker: Speaker;
  auto: boolean;
  /** The one line saying what to install, once the first utterance found no engine; shown until the card changes. */
  hint: string | undefined;
  hinted: boolean;
}

function sessionVoice(ctx: Context, auto: boolean): Voice {
  return { speaker: createSpeaker({ env: ctx.env, platform: process.platform }), auto, hint: undefined, hinted: false };
}

function speak(voice: Voice, parts: Parameters<Speaker['say']>[0]): void {
  if (voice.speaker.say(parts) || voice.hinted) return;
  voice.hinted = true;
  voice.hint = installHint(process.platform);
}

/**
 * A new card on screen (or none): what was said of the last one stops, and with auto speech the
 * new prompt is said. Called after every event, so no way of changing the card (grade, undo, a
 * rebase) goes unheard.
 */
function followCard(voice: Voice, before: SessionState, after: SessionState): void {
  const card = after.showing?.card;
  if (card === before.showing?.card) return;
  voice.speaker.stop();
  voice.hint = undefined;
  if (voice.auto && card) speak(voice, spoken(card, false));
}

/**
 * Cards still to come whose stored state is not the one the session holds: a commit catches up with
 * every journal, so another device's reviews that a sync brought meanwhile show up here.
 */
function changedCards(state: SessionState, store: Store): ChangedCard[] {
  const { showing, queue } = state;
  const cards = [...(showing ? [showing.card] : []), ...queue.learning, ...queue.review, ...queue.fresh];
  return cards.flatMap((card) => {
    const stored = store.states(store.current(card.deck)).get(card.cardId) ?? null;
    return sameState(stored, card.state) ? [] : [{ deck: card.deck, cardId: card.cardId, stored }];
  });
}

/**
 * The loop: a key becomes an event, the reducer answers with a new state and effects, and every
 * journal append is committed (fsynced) before the next frame is drawn. A typed answer (--type) is
 * edited here, on the screen, until enter submits it.
 */
async function runSession(ctx: Context, store: Store, initial: SessionState, terminal: Terminal, voice: Voice): Promise<SessionState> {
  const { screen, keys, dumb } = terminal;
  let state = initial;
  let typed = '';
  // The reader import gives vocabulary notes their pinyin with; its index is opened when a pinyin
  // line is first drawn, so the first card never waits on it.
  const pinyin = lazyPinyin(ctx.dist);
  const draw = () => screen.draw(renderReview(state, { ...screen.size(), color: ctx.io.color, pinyin, typed: dumb ? undefined : typed, hint: voice.hint }));

  const dispatch = (event: SessionEvent) => {
    const before = state;
    const result = step(state, event, ctx.now());
    state = result.state;
    for (const effect of result.effects) {
      if (effect.type === 'speak') speak(voice, effect.parts);
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
    if (result.effects.some((e) => e.type === 'append')) {
      const stale = changedCards(state, store);
      if (stale.length > 0) dispatch({ type: 'changed', cards: stale });
    }
  };

  followCard(voice, { ...initial, showing: null }, initial);
  draw();
  while (!state.quit) {
    const typing = typingAnswer(state);
    if (dumb) keys.cooked(typing);
    const input = await keys.next(typing);
    if (input === null) break;
    const before = state;
    if (input === 'ctrl-z') {
      voice.speaker.stop();
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
      if (event) dispatch(event);
    }
    followCard(voice, before, state);
    draw();
  }
  return state;
}
