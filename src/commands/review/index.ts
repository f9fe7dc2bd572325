import { randomUUID } from 'node:crypto';
import type { Context } from '../../cli/context.js';
import type { Deck } from '../../core/deck/note.js';
import { UserError } from '../../core/errors.js';
import type { StudyDirection } from '../../core/settings.js';
import { dayStart, nextDayStart } from '../../core/srs/day.js';
import { buildQueue, countDueTomorrow, type DeckCards } from '../../core/srs/queue.js';
import { makeScheduler } from '../../core/srs/scheduler.js';
import { startSession, step, summarise, type SessionEvent, type SessionState } from '../../core/srs/session.js';
import { listDeckSlugs, readDeck, writeDeck } from '../../store/deck-files.js';
import type { Store } from '../../store/store.js';
import { readKeys } from '../../ui/keys.js';
import { eventForKey } from '../../ui/review/bindings.js';
import { loadPinyin } from '../../ui/review/pinyin.js';
import { renderReview, renderSummary } from '../../ui/review/render.js';
import { resolveDeck } from '../deck-name.js';
import { openScreen } from './screen.js';
import { sampleDeck } from './sample.js';

export interface ReviewOptions {
  direction?: StudyDirection;
  new?: number;
  limit?: number;
  type?: boolean;
  ahead?: number;
}

/** The decks to study: those named, else every deck. */
function chooseDecks(ctx: Context, names: string[]): Deck[] {
  if (names.length) return names.map((name) => resolveDeck(ctx.paths, name));
  return listDeckSlugs(ctx.paths).map((slug) => readDeck(ctx.paths, slug));
}

/** On an empty home, the first `parley review` offers the bundled sample so there is something to learn. */
async function offerSample(ctx: Context): Promise<Deck[]> {
  const { confirm } = await import('@inquirer/prompts');
  const sample = sampleDeck();
  const yes = await confirm({ message: `No decks yet. Add the sample deck "${sample.name}" (${sample.notes.length} notes) and review it?`, default: true });
  if (!yes) return [];
  await ctx.store();
  writeDeck(ctx.paths, sample);
  return [sample];
}

export async function run(options: ReviewOptions, names: string[], ctx: Context): Promise<void> {
  if (!ctx.io.stdin.isTTY || !ctx.io.stdout.isTTY) {
    throw new UserError('review needs an interactive terminal', 'run `parley review` in a terminal; scripts can use `parley decks --json`');
  }
  let decks = ctx.homeExists() ? chooseDecks(ctx, names) : [];
  if (decks.length === 0 && names.length === 0) decks = await offerSample(ctx);
  if (decks.length === 0) {
    ctx.io.out('Nothing to review. Make a deck with `parley import article.txt`.');
    return;
  }
  const store = await ctx.store();
  const settings = store.settings.all();
  store.loadDecks(decks.map((d) => d.slug));
  for (const warning of store.takeWarnings()) ctx.io.err(`parley: ${warning}`);
  const deckCards = (): DeckCards[] => decks.map((d) => ({ slug: d.slug, name: d.name, notes: d.notes, states: store.states(d.slug) }));
  const start = ctx.now();
  const queue = buildQueue(deckCards(), store.journalSince(dayStart(start, settings.dayStartsAt)), settings, {
    direction: options.direction ?? settings.direction,
    newLimit: options.new,
    reviewLimit: options.limit,
    aheadDays: options.ahead,
  }, start);
  if (queue.learning.length + queue.review.length + queue.fresh.length === 0) {
    const tomorrow = countDueTomorrow(deckCards(), start, settings.dayStartsAt);
    ctx.io.out(`Nothing due now. ${tomorrow} card${tomorrow === 1 ? '' : 's'} due tomorrow (from ${nextDayStart(start, settings.dayStartsAt).toLocaleString()}).`);
    return;
  }
  const scheduler = makeScheduler(settings, { weights: settings.fsrsWeights });
  const initial = startSession(queue, { scheduler, idGen: randomUUID, dayStartsAt: settings.dayStartsAt, typeAnswers: options.type === true }, { pinyin: settings.showPinyin }, start);
  const state = await runSession(ctx, store, initial, settings.showPinyin);
  await store.compact();
  const now = ctx.now();
  ctx.io.out(renderSummary(
    { ...summarise(state), dueTomorrow: countDueTomorrow(deckCards(), now, settings.dayStartsAt) },
    { columns: ctx.io.stdout.columns || 80, color: ctx.io.color },
  ));
}

/**
 * The loop: a key becomes an event, the reducer answers with a new state and effects, and every
 * journal append is committed (fsynced) before the next frame is drawn.
 */
async function runSession(ctx: Context, store: Store, initial: SessionState, pinyinOn: boolean): Promise<SessionState> {
  let state = initial;
  let pinyin = pinyinOn ? await loadPinyin() : undefined;
  const screen = openScreen(ctx.io.stdout);
  const keys = readKeys(ctx.io.stdin, ctx.io.stdout);
  const draw = () => screen.draw(renderReview(state, { ...screen.size(), color: ctx.io.color, pinyin }));

  const dispatch = (event: SessionEvent) => {
    const result = step(state, event, ctx.now());
    state = result.state;
    for (const effect of result.effects) {
      if (effect.type !== 'append') continue;
      const committed = store.commit(effect.entries);
      if (!committed.ok) {
        const refused = effect.entries[0]!;
        dispatch({ type: 'rebase', refused, stored: store.states(refused.deck).get(refused.cardId) ?? null });
        return;
      }
    }
  };

  try {
    draw();
    while (!state.quit) {
      if (state.config.typeAnswers && state.showing && !state.showing.revealed) {
        keys.pause();
        const { input } = await import('@inquirer/prompts');
        const text = await input({ message: 'Your answer:' }).catch((error: Error) => {
          if (error.name === 'ExitPromptError') return null;
          throw error;
        });
        keys.resume();
        dispatch(text === null ? { type: 'quit' } : { type: 'typed-answer', text });
        draw();
        continue;
      }
      const key = await keys.next();
      if (key === null) break;
      if (state.finished && key !== 'u') break;
      const event = eventForKey(key, state);
      if (event?.type === 'toggle-pinyin' && !pinyin) pinyin = await loadPinyin();
      if (event) dispatch(event);
      draw();
    }
  } finally {
    keys.close();
    screen.close();
  }
  return state;
}
