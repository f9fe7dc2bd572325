import { blanked, contextParts, termOf, type SentencePart } from '../deck/cloze.js';
import { askedDirection, type Lang } from '../deck/note.js';
import { acceptedAnswers, checkAnswer, type AnswerCheck } from './answer.js';
import { isLearning, isNew, type CardEntry, type CardState, type Grade } from './card-state.js';
import { isDueToday, LEARN_AHEAD_MS, nextDayStart, returnsToday } from './day.js';
import { pickNext, type Queue, type QueueList, type QueuedCard } from './queue.js';
import { newCardState, type Preview, type Scheduler } from './scheduler.js';

/** Lapses after which a card is a leech: tagged, suspended, and the user told once. */
export const LEECH_LAPSES = 8;
export const LEECH_TAG = 'leech';

export interface SessionConfig {
  scheduler: Scheduler;
  /** Unique journal entry ids; a parameter so the reducer stays pure and tests are repeatable. */
  idGen: () => string;
  dayStartsAt: number;
  /** `--type`: the answer is typed, compared, and a grade suggested. */
  typeAnswers: boolean;
}

export interface Showing {
  card: QueuedCard;
  /** The queue list the card came from, for the counts. */
  list: QueueList;
  shownAt: string;
  revealed: boolean;
  /** The four outcomes, computed on reveal: what the grade keys say is exactly what is committed. */
  preview: Preview | null;
  check: AnswerCheck | null;
}

export interface Tally {
  done: number;
  again: number;
}

interface Snapshot {
  queue: Queue;
  showing: Showing | null;
  tally: Tally;
}

/** An action the session can take back: the entry it wrote and the session as it was before. */
interface Done {
  entry: Exclude<CardEntry, { type: 'undo' }>;
  before: Snapshot;
}

export interface SessionState {
  readonly config: SessionConfig;
  /** Cards still to show; the one on screen is in `showing`, not here. */
  readonly queue: Queue;
  readonly showing: Showing | null;
  readonly pinyin: boolean;
  readonly tally: Tally;
  readonly history: readonly Done[];
  readonly startedAt: string;
  readonly lastEventAt: string;
  /** Shown on screen until the next card: a leech, nothing to undo, a card changed elsewhere. */
  readonly notice: string | null;
  /** Nothing left to show now. Undo still works, so the last grade of a session can be taken back. */
  readonly finished: boolean;
  /** The user quit: the session takes no more events. */
  readonly quit: boolean;
}

export type SessionEvent =
  | { type: 'show-answer' }
  | { type: 'typed-answer'; text: string }
  | { type: 'grade'; grade: Grade }
  | { type: 'undo' }
  | { type: 'suspend' }
  | { type: 'bury' }
  | { type: 'toggle-pinyin' }
  /** Hear the card: the prompt, and once it is shown the answer too. */
  | { type: 'speak' }
  | { type: 'quit' }
  /**
   * The store refused `refused` because the card changed meanwhile (another session): the session
   * takes back what it did and carries on from the stored state.
   */
  | { type: 'rebase'; refused: CardEntry; stored: CardState | null }
  /** Cards still to come were changed elsewhere (another device's reviews a sync brought): they follow the stored states. */
  | { type: 'changed'; cards: readonly ChangedCard[] };

export interface ChangedCard {
  deck: string;
  cardId: string;
  stored: CardState | null;
}

/** Text to be read aloud, in its language. */
export interface Utterance {
  text: string;
  lang: Lang;
}

export type Effect =
  /** Make these durable (journal, fsync) before dispatching the next event. */
  | { type: 'append'; entries: CardEntry[] }
  | { type: 'notice'; text: string }
  /** Say these one after another, in the background, instead of whatever is being said. */
  | { type: 'speak'; parts: Utterance[] };

export interface StepResult {
  state: SessionState;
  effects: Effect[];
}

export function startSession(queue: Queue, config: SessionConfig, options: { pinyin: boolean }, now: Date): SessionState {
  const state: SessionState = {
    config,
    queue,
    showing: null,
    pinyin: options.pinyin,
    tally: { done: 0, again: 0 },
    history: [],
    startedAt: now.toISOString(),
    lastEventAt: now.toISOString(),
    notice: null,
    finished: false,
    quit: false,
  };
  return advance(state, now);
}

/** The cards left, the one on screen included, by kind: the header's new / learning / due. */
export function remaining(state: SessionState): { fresh: number; learning: number; review: number } {
  const on = (list: QueueList) => (state.showing?.list === list ? 1 : 0);
  return {
    fresh: state.queue.fresh.length + on('fresh'),
    learning: state.queue.learning.length + on('learning'),
    review: state.queue.review.length + on('review'),
  };
}

/** A cloze card's parts; undefined when its note (changed meanwhile) has no cloze to show. */
function clozeOf(card: QueuedCard): { parts: SentencePart[]; lang: Lang; term: string } | undefined {
  if (card.direction !== 'cloze' || !card.note.cloze) return undefined;
  const parts = contextParts(card.note);
  return parts?.some((p) => p.term) ? { parts, ...termOf(card.note) } : undefined;
}

/**
 * The side the card shows first, and its language. A cloze card shows its context sentence with
 * the term blanked; one whose note lost its cloze asks for the term as its direction would.
 */
export function promptOf(card: QueuedCard): Utterance {
  const cloze = clozeOf(card);
  if (cloze) return { text: blanked(cloze.parts), lang: cloze.lang };
  const direction = askedDirection(card.direction, card.note) ?? 'en-zh';
  return direction === 'zh-en' ? { text: card.note.zh, lang: 'zh' } : { text: card.note.en, lang: 'en' };
}

/** The side the learner must recall, and its language: for a cloze card, the term. */
export function answerOf(card: QueuedCard): Utterance {
  const cloze = clozeOf(card);
  if (cloze) return { text: cloze.term, lang: cloze.lang };
  const direction = askedDirection(card.direction, card.note) ?? 'en-zh';
  return direction === 'zh-en' ? { text: card.note.en, lang: 'en' } : { text: card.note.zh, lang: 'zh' };
}

/** What a typed answer may be: the answer's accepted forms, and for a cloze card also the word the blank held. */
function acceptedFor(card: QueuedCard): string[] {
  const accepted = acceptedAnswers(answerOf(card).text, card.note.kind === 'vocab');
  const form = clozeOf(card)?.parts.find((p) => p.term)?.text;
  return form && !accepted.includes(form) ? [...accepted, form] : accepted;
}

/** What `v` says: a cloze card's blank as a pause, and once shown the whole sentence. */
export function spoken(card: QueuedCard, revealed: boolean): Utterance[] {
  const cloze = clozeOf(card);
  if (!cloze) return revealed ? [promptOf(card), answerOf(card)] : [promptOf(card)];
  const text = revealed ? cloze.parts.map((p) => p.text).join('') : cloze.parts.map((p) => (p.term ? '…' : p.text)).join('');
  return [{ text, lang: cloze.lang }];
}

export function step(state: SessionState, event: SessionEvent, now: Date): StepResult {
  const at = { ...state, lastEventAt: now.toISOString() };
  if (state.quit) return { state: at, effects: [] };
  switch (event.type) {
    case 'toggle-pinyin':
      return { state: { ...at, pinyin: !state.pinyin }, effects: [] };
    case 'speak': {
      if (!state.showing) return { state: at, effects: [] };
      const { card, revealed } = state.showing;
      return { state: at, effects: [{ type: 'speak', parts: spoken(card, revealed) }] };
    }
    case 'quit':
      return { state: { ...at, quit: true }, effects: [] };
    case 'show-answer':
      if (state.showing?.revealed && state.showing.check) return grade(at, state.showing.check.suggested, now);
      return { state: reveal(at, null, now), effects: [] };
    case 'typed-answer': {
      if (!state.showing || state.showing.revealed) return { state: at, effects: [] };
      const answer = answerOf(state.showing.card);
      const check = checkAnswer(acceptedFor(state.showing.card), event.text, answer.lang);
      return { state: reveal(at, check, now), effects: [] };
    }
    case 'grade':
      return grade(at, event.grade, now);
    case 'suspend':
    case 'bury':
      return setAside(at, event.type, now);
    case 'undo':
      return undo(at, now);
    case 'rebase':
      return rebase(at, event.refused, event.stored, now);
    case 'changed':
      return changed(at, event.cards, now, 'Cards reviewed on another device meanwhile now follow that schedule.');
  }
}

function reveal(state: SessionState, check: AnswerCheck | null, now: Date): SessionState {
  const showing = state.showing;
  if (!showing || showing.revealed) return state;
  const preview = state.config.scheduler.preview(showing.card.state, now);
  return { ...state, showing: { ...showing, revealed: true, preview, check } };
}

function snapshot(state: SessionState): Snapshot {
  return { queue: state.queue, showing: state.showing, tally: state.tally };
}

function entryBase(state: SessionState, card: QueuedCard, now: Date) {
  return { id: state.config.idGen(), at: now.toISOString(), deck: card.deck, cardId: card.cardId };
}

function grade(state: SessionState, rating: Grade, now: Date): StepResult {
  const showing = state.showing;
  if (!showing?.revealed || !showing.preview) return { state, effects: [] };
  const { card } = showing;
  let after = fromNow(showing.preview[rating].state, now);
  const effects: Effect[] = [];
  let notice: string | null = null;
  const wasLeech = card.state?.tags?.includes(LEECH_TAG) ?? false;
  if (after.lapses >= LEECH_LAPSES && after.lapses > (card.state?.lapses ?? 0) && !wasLeech) {
    after = { ...after, suspended: true, tags: [...(after.tags ?? []), LEECH_TAG] };
    notice = `Leech: forgotten ${after.lapses} times, so suspended and tagged "${LEECH_TAG}". Rewrite the card, then unsuspend it.`;
    effects.push({ type: 'notice', text: notice });
  }
  const entry: Done['entry'] = {
    ...entryBase(state, card, now),
    type: 'review',
    rating,
    durationMs: Math.max(0, now.getTime() - Date.parse(showing.shownAt)),
    before: card.state,
    after,
    ...(card.cram ? { cram: true } : {}),
  };
  effects.unshift({ type: 'append', entries: [entry] });
  const comesBack = isLearning(after.state) && !after.suspended && returnsToday(after, now, state.config.dayStartsAt);
  const queue = comesBack ? { ...state.queue, learning: [...state.queue.learning, { ...card, state: after, cram: false }] } : state.queue;
  const next: SessionState = {
    ...state,
    queue,
    showing: null,
    tally: { done: state.tally.done + 1, again: state.tally.again + (rating === 1 ? 1 : 0) },
    history: [...state.history, { entry, before: snapshot(state) }],
  };
  return { state: { ...advance(next, now), notice }, effects };
}

/**
 * The outcome the key showed, counted from the grade rather than from the reveal: after a long look
 * at the answer, "10m" still means ten minutes from the key press, never a time already past.
 */
function fromNow(after: CardState, now: Date): CardState {
  const late = after.last_review ? now.getTime() - Date.parse(after.last_review) : 0;
  if (!(late > 0)) return after;
  return { ...after, due: new Date(Date.parse(after.due) + late).toISOString(), last_review: now.toISOString() };
}

function setAside(state: SessionState, kind: 'suspend' | 'bury', now: Date): StepResult {
  const showing = state.showing;
  if (!showing) return { state, effects: [] };
  const { card } = showing;
  const base = card.state ?? newCardState(now);
  const after: CardState = kind === 'suspend'
    ? { ...base, suspended: true }
    : { ...base, buriedUntil: nextDayStart(now, state.config.dayStartsAt).toISOString() };
  const entry: Done['entry'] = { ...entryBase(state, card, now), type: kind, before: card.state, after };
  const next: SessionState = {
    ...state,
    showing: null,
    history: [...state.history, { entry, before: snapshot(state) }],
    notice: null,
  };
  return { state: advance(next, now), effects: [{ type: 'append', entries: [entry] }] };
}

/** Brings back the card as it was before the last action, on its question side. */
function undo(state: SessionState, now: Date): StepResult {
  const last = state.history.at(-1);
  if (!last) return { state: { ...state, notice: 'Nothing to undo in this session.' }, effects: [] };
  const { entry } = last;
  const undoEntry: CardEntry = {
    id: state.config.idGen(),
    at: now.toISOString(),
    deck: entry.deck,
    cardId: entry.cardId,
    type: 'undo',
    target: entry.id,
    before: entry.after,
    restored: entry.before,
  };
  return { state: restore(state, last, now), effects: [{ type: 'append', entries: [undoEntry] }] };
}

function restore(state: SessionState, done: Done, now: Date): SessionState {
  const { queue, showing, tally } = done.before;
  return {
    ...state,
    queue,
    tally,
    history: state.history.slice(0, -1),
    showing: showing && { ...showing, shownAt: now.toISOString(), revealed: false, preview: null, check: null },
    notice: null,
    finished: showing === null,
  };
}

/**
 * The store holds a different state for the card than the session assumed: take back the refused
 * action if it is the last one, then put the card's stored state wherever the card now is.
 */
function rebase(state: SessionState, refused: CardEntry, stored: CardState | null, now: Date): StepResult {
  const last = state.history.at(-1);
  const next = last?.entry.id === refused.id ? restore(state, last, now) : state;
  return changed(next, [{ deck: refused.deck, cardId: refused.cardId, stored }], now, 'This card was changed by another review session; it now follows that schedule.');
}

/** Puts each card's stored state wherever the card is in the session. */
function changed(state: SessionState, cards: readonly ChangedCard[], now: Date, text: string): StepResult {
  const stored = new Map(cards.map((c) => [`${c.deck}\u0000${c.cardId}`, c.stored]));
  const storedOf = (card: QueuedCard) => stored.get(`${card.deck}\u0000${card.cardId}`);
  // A card reviewed elsewhere is shown again only if it is still due: never studied twice in a day.
  const showable = (card: QueuedCard, s: CardState | null) => {
    if (s?.suspended || (s?.buriedUntil && Date.parse(s.buriedUntil) > now.getTime())) return false;
    if (s === null || isNew(s.state)) return true;
    return !card.cram && isDueToday(s, now, state.config.dayStartsAt, LEARN_AHEAD_MS);
  };
  const update = (list: readonly QueuedCard[]) => list.flatMap((card) => {
    const s = storedOf(card);
    if (s === undefined) return [card];
    return showable(card, s) ? [{ ...card, state: s }] : [];
  });
  const queue: Queue = { learning: update(state.queue.learning), review: update(state.queue.review), fresh: update(state.queue.fresh) };
  let showing = state.showing;
  const s = showing && storedOf(showing.card);
  if (showing && s !== undefined) {
    showing = showable(showing.card, s)
      ? { ...showing, card: { ...showing.card, state: s }, shownAt: now.toISOString(), revealed: false, preview: null, check: null }
      : null;
  }
  const next = advance({ ...state, queue, showing }, now);
  return { state: { ...next, notice: text }, effects: [{ type: 'notice', text }] };
}

/** Puts the next card on screen, or finishes when nothing is left to show now. */
function advance(state: SessionState, now: Date): SessionState {
  if (state.showing) return { ...state, finished: false };
  const next = pickNext(state.queue, now);
  if (!next) return { ...state, finished: true };
  const list = state.queue[next.list];
  const card = list[next.index]!;
  return {
    ...state,
    queue: { ...state.queue, [next.list]: [...list.slice(0, next.index), ...list.slice(next.index + 1)] },
    showing: { card, list: next.list, shownAt: now.toISOString(), revealed: false, preview: null, check: null },
    notice: null,
    finished: false,
  };
}

export interface SessionSummary {
  done: number;
  again: number;
  /** Share of grades that were Again, 0..1 (0 when nothing was graded). */
  againRate: number;
  elapsedMs: number;
  /** Learning cards that come back later today, beyond the 20-minute look-ahead. */
  learningLater: number;
}

export function summarise(state: SessionState): SessionSummary {
  const { done, again } = state.tally;
  return {
    done,
    again,
    againRate: done === 0 ? 0 : again / done,
    elapsedMs: Math.max(0, Date.parse(state.lastEventAt) - Date.parse(state.startedAt)),
    learningLater: state.queue.learning.length,
  };
}
