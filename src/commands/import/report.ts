import type { Context } from '../../cli/context.js';
import { blanked, splitAtTerm, type TermInContext } from '../../core/deck/cloze.js';
import { noteId } from '../../core/deck/id.js';
import type { Theme } from '../../ui/theme.js';
import type { DeckPlan } from './index.js';

/**
 * The cloze card an item gives: the term as its context sentence writes it (the note's `cloze`
 * field, `term`) and the card's prompt, that sentence with the term blanked; nothing when the note has none.
 */
function withCloze(item: TermInContext, term: string | undefined): { cloze?: { term: string; text: string } } {
  return term === undefined ? {} : { cloze: { term, text: blanked(splitAtTerm(item.context![item.lang], term, item.lang)) } };
}

/** DESIGN's `--dry-run --json` document: what would be imported, in article order. */
function dryRunDocument(plan: DeckPlan) {
  const analyses = plan.articles.map((a) => a.analysis);
  // As the notes have it: the dry run shows the cloze cards the import would make.
  const clozes = new Map(plan.notes.map((n) => [n.id, n.cloze]));
  return {
    deck: { name: plan.name, slug: plan.slug },
    title: plan.articles[0]?.title ?? null,
    pairs: analyses.flatMap((a) => a.pairs.map((p) => ({ id: noteId('sentence', [p.zh, p.en]), zh: p.zh, en: p.en }))),
    vocab: analyses.flatMap((a) => a.vocab.map((v) => ({
      id: noteId('vocab', [v.lang, v.term]), term: v.term, gloss: v.gloss, lang: v.lang,
      ...(v.pos ? { pos: v.pos } : {}), ...(v.pinyin ? { pinyin: v.pinyin } : {}),
      ...(v.note ? { note: v.note } : {}), ...(v.context ? { context: v.context } : {}),
      source: v.source ?? 'article',
      ...withCloze(v, clozes.get(noteId('vocab', [v.lang, v.term]))),
    }))),
    skipped: analyses.flatMap((a) => a.skipped.map((s) => ({ text: s.text, reason: s.reason }))),
  };
}

function skippedLine(plan: DeckPlan): string | undefined {
  const reasons = new Map<string, number>();
  for (const a of plan.articles) {
    // Vocabulary lines are not sentence pairs, but they are not lost: they became vocabulary cards.
    for (const s of a.analysis.skipped) if (s.reason !== 'vocabulary note') reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
  }
  if (reasons.size === 0) return undefined;
  const total = [...reasons.values()].reduce((a, b) => a + b, 0);
  return `skipped ${total}: ${[...reasons].map(([reason, n]) => `${n} ${reason}`).join(', ')}`;
}

interface Look {
  theme: Theme;
  /** Article text cut to `width` columns as the terminal will show it. */
  fit(text: string, width: number): string;
}

/** Colour and display width are for people: JSON output never loads them (chalk alone costs ~10 ms). */
async function lookFor(ctx: Context): Promise<Look> {
  const [{ makeTheme }, { truncate }, { visible }] = await Promise.all([import('../../ui/theme.js'), import('../../ui/width.js'), import('../../ui/escape.js')]);
  return { theme: makeTheme(ctx.io.color), fit: (text, width) => truncate(visible(text), width) };
}

function preview(ctx: Context, { theme, fit }: Look, plan: DeckPlan, limit: number): string[] {
  const width = Math.max(20, (ctx.io.columns) - 4);
  const pairs = plan.articles.flatMap((a) => a.analysis.pairs).slice(0, limit);
  return pairs.flatMap((p) => [`  ${theme.zh(fit(p.zh, width))}`, `  ${theme.dim(fit(p.en, width))}`]);
}

function displacedLine({ fit }: Look, { displaced, name, slug }: DeckPlan): string {
  return `deck "${fit(displaced!.name, 40)}" already uses ${displaced!.slug}, so "${fit(name, 40)}" is ${slug} (rename either with \`parley deck rename\`)`;
}

function counts(plan: DeckPlan): string {
  const pairs = plan.articles.reduce((n, a) => n + a.analysis.pairs.length, 0);
  const vocab = plan.articles.reduce((n, a) => n + a.analysis.vocab.length, 0);
  return `${pairs} sentence pair${pairs === 1 ? '' : 's'}, ${vocab} vocabulary item${vocab === 1 ? '' : 's'}`;
}

export async function printDryRun(ctx: Context, plans: DeckPlan[], json: boolean): Promise<void> {
  if (json) {
    const docs = plans.map(dryRunDocument);
    ctx.io.out(JSON.stringify(docs.length === 1 ? docs[0] : docs, null, 2));
    return;
  }
  const look = await lookFor(ctx);
  const { theme } = look;
  for (const plan of plans) {
    ctx.io.out(`${theme.heading(plan.slug)}: ${counts(plan)} (dry run, nothing written)`);
    if (plan.displaced) ctx.io.out(`  ${displacedLine(look, plan)}`);
    const skipped = skippedLine(plan);
    if (skipped) ctx.io.out(`  ${theme.dim(skipped)}`);
    ctx.io.out(preview(ctx, look, plan, 3).join('\n'));
  }
}

export async function printSummary(ctx: Context, written: { plan: DeckPlan; file: string }[], json: boolean): Promise<void> {
  if (json) {
    const docs = written.map(({ plan, file }) => ({
      ...dryRunDocument(plan), file,
      added: plan.merge.added, updated: plan.merge.updated, unchanged: plan.merge.unchanged,
    }));
    ctx.io.out(JSON.stringify(docs.length === 1 ? docs[0] : docs, null, 2));
    return;
  }
  const look = await lookFor(ctx);
  const { theme } = look;
  for (const { plan, file } of written) {
    const { added, updated, unchanged } = plan.merge;
    ctx.io.out(`${theme.heading(plan.slug)}: ${counts(plan)} → ${file}`);
    if (plan.displaced) ctx.io.out(`  ${displacedLine(look, plan)}`);
    ctx.io.out(`  ${theme.good(`added ${added}`)}, updated ${updated}, unchanged ${unchanged}`);
    const skipped = skippedLine(plan);
    if (skipped) ctx.io.out(`  ${theme.dim(skipped)}`);
    ctx.io.out(preview(ctx, look, plan, 2).join('\n'));
  }
  const first = written[0]?.plan.slug;
  if (first) ctx.io.out(theme.dim(`Next: parley review ${first}`));
}

/** A one-line bar on stderr, redrawn in place; only used when stderr is a terminal. */
export function progressBar(stream: NodeJS.WriteStream) {
  let last = -1;
  return {
    update: (done: number, total: number) => {
      const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
      if (pct === last) return;
      last = pct;
      const filled = Math.round(pct / 5);
      stream.write(`\r  aligning [${'#'.repeat(filled)}${' '.repeat(20 - filled)}] ${pct}%`);
    },
    done: () => {
      if (last >= 0) stream.write('\r\x1b[2K');
    },
  };
}
