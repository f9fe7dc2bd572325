import { createRequire } from 'node:module';
import { default_w } from 'ts-fsrs';
import type { Context } from '../cli/context.js';
import { UserError } from '../core/errors.js';
import { outlook, type Outlook } from '../core/stats/outlook.js';
import { liveReviews } from '../core/stats/reviews.js';
import { cardHistories, trainingSequence } from '../core/stats/training.js';
import { schedulerWeights } from '../core/srs/weights.js';

export interface OptimizeOptions {
  apply?: boolean;
  json?: boolean;
}

/** Below this many reviews the fit is mostly noise and the defaults serve better (FSRS's own advice). */
export const MIN_REVIEWS = 400;

/** The part of @open-spaced-repetition/binding's native API that parley uses. */
interface BindingReview {
  readonly rating: number;
}
interface BindingItem {
  longTermReviewCnt(): number;
}
interface Binding {
  FSRSBindingReview: new (rating: number, deltaT: number) => BindingReview;
  FSRSBindingItem: new (reviews: BindingReview[]) => BindingItem;
  computeParameters(items: BindingItem[], options: { enableShortTerm: boolean; numRelearningSteps?: number }): Promise<number[]>;
}

/**
 * The optimizer is a native add-on. Its umbrella package 0.5.0 names platform packages that were
 * never published at that version, which `npm ci` refuses, so parley depends (optionally) on the
 * one build that exists, linux-x64-gnu, and loads it directly; elsewhere it is simply absent.
 */
async function loadBinding(): Promise<Binding> {
  const name = '@open-spaced-repetition/binding-linux-x64-gnu';
  try {
    return createRequire(import.meta.url)(name) as Binding;
  } catch (error) {
    throw new UserError(
      `the FSRS optimizer (${name}) is not available here (${(error as Error).message.split('\n')[0]})`,
      `it ships native builds for a few platforms only (${process.platform}-${process.arch} may not be one); parley keeps its current parameters`,
    );
  }
}

export async function run(options: OptimizeOptions, _args: string[], ctx: Context): Promise<void> {
  const store = ctx.homeExists() ? await ctx.store() : undefined;
  const reviews = liveReviews(store?.journal() ?? []);
  if (!store || reviews.length === 0) {
    throw new UserError('there is no review history to optimize from', `review for a few weeks first (\`parley review\`); FSRS needs about ${MIN_REVIEWS} reviews`);
  }
  if (reviews.length < MIN_REVIEWS) {
    ctx.io.out(`Only ${reviews.length} reviews so far: FSRS needs about ${MIN_REVIEWS} to fit parameters better than the defaults. Nothing changed.`);
    return;
  }
  const settings = store.settings.all();
  const current = settings.fsrsWeights ?? [...default_w];
  const histories = cardHistories(reviews);
  const binding = await loadBinding();
  const items = histories.flatMap((history) => {
    const sequence = trainingSequence(history, settings.dayStartsAt).map((r) => new binding.FSRSBindingReview(r.rating, r.deltaT));
    // FSRS trains on every prefix of a card's history that ends in a review a day or more apart.
    return sequence.slice(1).map((_, i) => new binding.FSRSBindingItem(sequence.slice(0, i + 2)))
      .filter((item) => item.longTermReviewCnt() > 0);
  });
  if (items.length === 0) {
    ctx.io.out(`Your ${reviews.length} reviews have none a day or more after the previous one, which FSRS needs to learn from. Nothing changed.`);
    return;
  }

  // The optimizer's ranges are a little wider than ts-fsrs's (w19 may be 0): store what the
  // scheduler will use, so settings.json always passes the check every later read makes.
  const raw = await binding.computeParameters(items, { enableShortTerm: true, numRelearningSteps: 1 });
  if (raw.length !== 21 || !raw.every(Number.isFinite)) {
    throw new UserError(`the optimizer gave ${raw.length} weights FSRS-6 cannot use`, 'nothing changed; please report it');
  }
  const fitted = schedulerWeights(raw);
  // The binding's own evaluate() refuses some real histories (InvalidInput), so the comparison
  // replays them with ts-fsrs instead.
  const now = ctx.now();
  const before = outlook(histories, current, settings, now);
  const after = outlook(histories, fitted, settings, now);
  if (options.apply) await store.settings.set('fsrsWeights', fitted);

  if (options.json) {
    ctx.io.out(JSON.stringify({ reviews: reviews.length, items: items.length, applied: !!options.apply, current: { weights: current, ...before }, fitted: { weights: fitted, ...after } }, null, 2));
    return;
  }
  ctx.io.out(await render(reviews.length, items.length, settings.fsrsWeights ? 'current' : 'defaults', before, after, fitted, settings.desiredRetention, !!options.apply, ctx));
}

async function render(
  reviews: number, items: number, currentName: string, before: Outlook, after: Outlook, fitted: number[], retention: number, applied: boolean, ctx: Context,
): Promise<string> {
  const [{ renderTable }, { makeTheme }] = await Promise.all([import('../ui/table.js'), import('../ui/theme.js')]);
  const theme = makeTheme(ctx.io.color);
  const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
  const rows = [
    ['log loss', before.logLoss?.toFixed(4) ?? '—', after.logLoss?.toFixed(4) ?? '—', 'lower: predicts your grades better'],
    ['reviews a day', before.reviewsPerDay.toFixed(1), after.reviewsPerDay.toFixed(1), `to keep today's review cards at ${Math.round(retention * 100)}%`],
    ['recall now', pct(before.recallNow), pct(after.recallNow), 'what each model thinks you remember'],
  ];
  return [
    `Fitted FSRS parameters to ${reviews} reviews (${items} training items).`,
    '',
    renderTable(['', currentName, 'fitted', ''], rows, { align: ['left', 'right', 'right', 'left'], maxWidth: ctx.io.columns }),
    '',
    `Fitted parameters: ${fitted.map((w) => w.toFixed(4)).join(', ')}`,
    applied ? theme.good('Applied: reviews from now on use these parameters.') : theme.dim('Run `parley optimize --apply` to use them.'),
  ].join('\n');
}
