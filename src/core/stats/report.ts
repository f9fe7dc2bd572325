import { cardId, cardKinds } from '../deck/note.js';
import type { Settings } from '../settings.js';
import type { JournalEntry } from '../srs/card-state.js';
import { dayStart } from '../srs/day.js';
import type { NoteRef } from '../deck/outline.js';
import { buildQueue, type DeckCards } from '../srs/queue.js';
import { activityToday, streak } from './activity.js';
import { addCounts, countByState, emptyCounts, type StateCounts } from './card-counts.js';
import { forecast, type ForecastDay } from './forecast.js';
import { heatmap, type HeatDay } from './heatmap.js';
import { dayKey, shiftDay } from './learning-day.js';
import { meanRecall, type Recall } from './recall.js';
import { trueRetention, type Retention } from './retention.js';
import { liveReviews, reviewsOf } from './reviews.js';

export interface DeckStats extends StateCounts {
  slug: string;
  name: string;
  recall: Recall;
}

/** Everything `parley stats` shows; also its `--json` document. */
export interface StatsReport {
  /** Today's learning day. */
  date: string;
  today: { reviews: number; left: number; timeMs: number; streak: number };
  reviews: { today: number; last30Days: number; total: number };
  retention: Retention;
  byState: { total: StateCounts; decks: DeckStats[] };
  recall: Recall;
  forecast: ForecastDay[];
  heatmap: HeatDay[];
}

export interface StatsInput {
  decks: readonly DeckCards<NoteRef>[];
  journal: readonly JournalEntry[];
  settings: Settings;
  /** FSRS weights the scheduler uses, for retrievability. */
  weights: readonly number[];
  now: Date;
  /**
   * Whether these are all the user's decks: then reviews of cards no deck holds any more (a deleted
   * deck) still count towards streak, heatmap and retention.
   */
  wholeHome: boolean;
}

export function buildStats(input: StatsInput): StatsReport {
  const { decks, settings, now, weights } = input;
  const { dayStartsAt } = settings;
  const ids = new Set(decks.flatMap((d) => d.notes.flatMap((n) => cardKinds(n).map((kind) => cardId(n.id, kind)))));
  const all = liveReviews(input.journal);
  const reviews = input.wholeHome ? all : reviewsOf(all, ids);

  const deckStats = decks.map((deck): DeckStats => ({
    slug: deck.slug,
    name: deck.name,
    ...countByState(deck.notes, deck.states),
    recall: meanRecall(deck.states.values(), now, weights),
  }));
  const states = decks.flatMap((d) => [...d.states.values()]);
  const queue = buildQueue(decks, input.journal, settings, { direction: settings.direction }, now);
  const active = activityToday(reviews, now, dayStartsAt);
  const monthStart = shiftDay(dayStart(now, dayStartsAt), -29, dayStartsAt).getTime();

  return {
    date: dayKey(now, dayStartsAt),
    today: {
      reviews: active.reviews,
      left: queue.learning.length + queue.review.length + queue.fresh.length,
      timeMs: active.timeMs,
      streak: streak(reviews, now, dayStartsAt),
    },
    reviews: {
      today: active.reviews,
      last30Days: reviews.filter((r) => Date.parse(r.at) >= monthStart && Date.parse(r.at) <= now.getTime()).length,
      total: reviews.length,
    },
    retention: trueRetention(reviews, now, dayStartsAt, 30),
    byState: { total: deckStats.reduce<StateCounts>((sum, d) => addCounts(sum, d), emptyCounts()), decks: deckStats },
    recall: meanRecall(states, now, weights),
    forecast: forecast(states, now, dayStartsAt),
    heatmap: heatmap(reviews, now, dayStartsAt),
  };
}
