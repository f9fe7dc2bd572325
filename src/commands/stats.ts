import { default_w } from 'ts-fsrs';
import type { Context } from '../cli/context.js';
import { DEFAULT_SETTINGS } from '../core/settings.js';
import type { JournalEntry } from '../core/srs/card-state.js';
import type { NoteRef } from '../core/deck/outline.js';
import type { DeckCards } from '../core/srs/queue.js';
import type { RetentionCount } from '../core/stats/retention.js';
import { buildStats, type StatsReport } from '../core/stats/report.js';
import { listDeckSlugs } from '../store/deck-files.js';
import type { StoredSettings } from '../store/settings.js';
import { resolveDeck } from './deck-name.js';

export interface StatsOptions {
  json?: boolean;
}

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${s % 60}s`;
  return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
}

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

export async function run(options: StatsOptions, args: string[], ctx: Context): Promise<void> {
  const only = args[0];
  const slugs = only ? [resolveDeck(ctx.paths, only).slug] : ctx.homeExists() ? listDeckSlugs(ctx.paths) : [];
  let settings: StoredSettings = { ...DEFAULT_SETTINGS };
  let journal: JournalEntry[] = [];
  const cards: DeckCards<NoteRef>[] = [];
  if (ctx.homeExists()) {
    const store = await ctx.store();
    settings = store.settings.all();
    journal = store.journal();
    for (const slug of slugs) {
      const deck = store.deckCards(slug);
      if (deck) cards.push(deck);
    }
    for (const warning of store.takeWarnings()) ctx.io.err(`parley: ${warning}`);
  }
  const report = buildStats({
    decks: cards, journal, settings, weights: settings.fsrsWeights ?? default_w, now: ctx.now(), wholeHome: !only,
  });
  if (options.json) {
    ctx.io.out(JSON.stringify(report, null, 2));
    return;
  }
  ctx.io.out(await render(report, ctx));
}

async function render(report: StatsReport, ctx: Context): Promise<string> {
  const [{ renderTable }, { makeTheme }, { renderHeatmap, renderForecast }, { truncate }] = await Promise.all([
    import('../ui/table.js'), import('../ui/theme.js'), import('../ui/chart.js'), import('../ui/width.js'),
  ]);
  const theme = makeTheme(ctx.io.color);
  const width = Math.min(ctx.io.columns, 100);
  const chart = { color: ctx.io.color, width };
  const { today } = report;
  const out: string[] = [];

  out.push(`${theme.heading('Today')}  ${today.reviews} reviewed in ${duration(today.timeMs)} · ${today.left} left · ` +
    `streak ${today.streak} day${today.streak === 1 ? '' : 's'}`);

  const r = report.retention;
  const row = (label: string, c: RetentionCount) => [label, String(c.passed), String(c.failed), percent(c.rate)];
  out.push('', theme.heading(`Retention, last ${r.days} days`) + theme.dim('  (Again fails; mature: interval ≥ 21 d)'));
  out.push(renderTable(['', 'Passed', 'Failed', 'Retention'], [row('young', r.young), row('mature', r.mature), row('total', r.total)],
    { align: ['left', 'right', 'right', 'right'], maxWidth: width }));

  const counts = report.byState;
  const deckRow = (name: string, c: typeof counts.total, recall: number | null) =>
    [name, String(c.new), String(c.learning), String(c.review), String(c.suspended), recall === null ? '—' : `${Math.round(recall * 100)}%`];
  const rows = counts.decks.map((d) => deckRow(d.name, d, d.recall.mean));
  if (counts.decks.length > 1) rows.push(deckRow('Total', counts.total, report.recall.mean));
  out.push('', theme.heading('Cards'));
  out.push(renderTable(['Deck', 'New', 'Learning', 'Review', 'Suspended', 'Recall now'], rows,
    { align: ['left', 'right', 'right', 'right', 'right', 'right'], maxWidth: width }));
  for (const d of counts.decks) {
    if (d.recall.mean !== null) out.push(theme.dim(truncate(`${d.name}: you would recall about ${Math.round(d.recall.mean * 100)}% of its ${d.recall.cards} studied cards now.`, width)));
  }

  out.push('', theme.heading(`Reviews, last 26 weeks`) + theme.dim(`  (${report.reviews.last30Days} in the last 30 days, ${report.reviews.total} in all)`));
  const reviewed = report.heatmap.some((d) => d.reviews > 0);
  out.push(reviewed ? renderHeatmap(report.heatmap.map((d) => ({ date: d.date, count: d.reviews })), chart) : 'No reviews in these weeks.');
  const due = report.forecast.reduce((sum, d) => sum + d.due, 0);
  out.push('', theme.heading('Due in the next 30 days') + theme.dim(`  (${due} in all)`));
  out.push(due ? renderForecast(report.forecast.map((d) => ({ date: d.date, count: d.due })), chart) : 'Nothing scheduled: new cards come due once you study them.');
  return out.join('\n');
}
