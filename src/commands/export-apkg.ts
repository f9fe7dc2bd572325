import type { Context } from '../cli/context.js';
import { apkgRows } from '../core/export/apkg.js';
import { UserError } from '../core/errors.js';
import { dayStart } from '../core/srs/day.js';
import { liveReviews } from '../core/stats/reviews.js';
import { shownPath } from '../core/system-error.js';
import { apkgBytes } from '../store/apkg-write.js';
import { resolveDeck } from './deck-name.js';

export interface ApkgOptions {
  output?: string;
  withSchedule?: boolean;
}

/**
 * `parley export DECK --format apkg`: an Anki package of the deck, its schedule and review history
 * when asked. Loaded only for this format: sql.js's WebAssembly costs every other command nothing.
 */
export async function exportApkg(name: string, options: ApkgOptions, ctx: Context, write: (path: string, bytes: Uint8Array) => void): Promise<void> {
  if (!options.output && ctx.io.stdout.isTTY) {
    throw new UserError('an Anki package is a binary file, not for the terminal', `give -o FILE, as in \`parley export ${name} --format apkg -o ${name}.apkg\``, 2);
  }
  const deck = resolveDeck(ctx.paths, name);
  const store = await ctx.store();
  const settings = store.settings.all();
  const withSchedule = options.withSchedule === true;
  const rows = apkgRows({
    deck,
    states: store.states(deck.slug),
    // Every device's grades; an undone one never happened, as far as the schedule is concerned.
    reviews: withSchedule ? liveReviews(store.journal()) : [],
    withSchedule,
    desiredRetention: settings.desiredRetention,
    now: ctx.now(),
    dayOf: (at) => dayStart(at, settings.dayStartsAt),
  });
  const bytes = await apkgBytes(rows);
  if (!options.output) {
    ctx.io.writeBytes(bytes);
    return;
  }
  write(options.output, bytes);
  const what = `${rows.notes.length} notes (${rows.cards.length} cards${withSchedule ? `, ${rows.revlog.length} reviews` : ''}) of "${deck.name}"`;
  ctx.io.out([
    `Wrote ${what} to ${shownPath(options.output)}.`,
    withSchedule
      ? 'In Anki: File › Import, with "Import any learning progress" ticked; importing again updates the notes.'
      : 'In Anki: File › Import; importing again updates the notes.',
  ].join('\n'));
}
