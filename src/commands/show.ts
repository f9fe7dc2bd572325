import type { Context } from '../cli/context.js';
import { UserError } from '../core/errors.js';
import { cardId, cardKinds, inArticleOrder, type CardKind, type Note } from '../core/deck/note.js';
import { contextParts, termOf } from '../core/deck/cloze.js';
import { termAndGloss } from '../core/export/vocab.js';
import { isLearning, isNew, isRelearning, type CardState } from '../core/srs/card-state.js';
import { nextDayStart } from '../core/srs/day.js';
import { resolveDeck } from './deck-name.js';

const FILTERS = ['new', 'due', 'learning', 'review', 'suspended'] as const;
type StateFilter = (typeof FILTERS)[number];

export interface ShowOptions {
  state?: string;
  json?: boolean;
}

type CardLabel = 'new' | 'learning' | 'review' | 'relearning' | 'suspended';

interface ShownCard {
  id: string;
  direction: CardKind;
  state: CardLabel;
  due: string | null;
  stability: number | null;
  dueToday: boolean;
}

/** Each card says whether it is relearning; counting and `--state learning` take it as learning. */
function label(state: CardState | undefined): CardLabel {
  if (state?.suspended) return 'suspended';
  if (isNew(state?.state)) return 'new';
  if (isRelearning(state?.state)) return 'relearning';
  return isLearning(state?.state) ? 'learning' : 'review';
}

function matches(card: ShownCard, filter: StateFilter | undefined): boolean {
  if (!filter) return true;
  if (filter === 'due') return card.dueToday;
  if (filter === 'learning') return card.state === 'learning' || card.state === 'relearning';
  return card.state === filter;
}

export async function run(options: ShowOptions, args: string[], ctx: Context): Promise<void> {
  const filter = options.state as StateFilter | undefined;
  if (filter !== undefined && !FILTERS.includes(filter)) {
    throw new UserError(`unknown state "${options.state}"`, `use one of: ${FILTERS.join(', ')}`);
  }
  const deck = resolveDeck(ctx.paths, args[0]!);
  const store = await ctx.store();
  const states = store.states(deck.slug);
  const now = ctx.now();
  const dayEnd = nextDayStart(now, store.settings.all().dayStartsAt).getTime();
  const buried = (s: CardState) => s.buriedUntil !== undefined && Date.parse(s.buriedUntil) > now.getTime();

  const shown = inArticleOrder(deck.notes).map((note) => {
    const cards = cardKinds(note).map((direction): ShownCard => {
      const id = cardId(note.id, direction);
      const state = states.get(id);
      const scheduled = state && !isNew(state.state) ? state : undefined;
      return {
        id, direction, state: label(state),
        due: scheduled?.due ?? null,
        stability: scheduled?.stability ?? null,
        dueToday: !!scheduled && !scheduled.suspended && !buried(scheduled) && Date.parse(scheduled.due) < dayEnd,
      };
    }).filter((c) => matches(c, filter));
    return { note, cards };
  }).filter((n) => n.cards.length > 0);

  if (options.json) {
    const notes = shown.map(({ note, cards }) => ({
      ...note,
      ...(note.kind === 'vocab' ? termAndGloss(note) : {}),
      cards: cards.map(({ id, direction, state, due, stability }) => ({ id, direction, state, due, stability })),
    }));
    ctx.io.out(JSON.stringify({ deck: { name: deck.name, slug: deck.slug }, notes }, null, 2));
    return;
  }
  if (shown.length === 0) {
    const { visible } = await import('../ui/escape.js');
    const name = visible(deck.name);
    ctx.io.out(filter ? `No ${filter} cards in "${name}".` : `"${name}" has no notes.`);
    return;
  }
  ctx.io.out(await render(deck.name, shown, now, ctx));
}

/** A context sentence with the term in brackets where its side uses it, as the review screen marks it. */
function marked(note: Note, side: 'zh' | 'en'): string {
  const parts = termOf(note).lang === side ? contextParts(note) : undefined;
  const [open, close] = side === 'zh' ? ['【', '】'] : ['[', ']'];
  return parts ? parts.map((p) => (p.term ? `${open}${p.text}${close}` : p.text)).join('') : note.context![side];
}

async function render(name: string, shown: { note: Note; cards: ShownCard[] }[], now: Date, ctx: Context): Promise<string> {
  const [{ truncate }, { makeTheme }, { visible }] = await Promise.all([import('../ui/width.js'), import('../ui/theme.js'), import('../ui/escape.js')]);
  const theme = makeTheme(ctx.io.color);
  const width = ctx.io.columns;
  // Order (3) and id (13) head each note; its other lines start under the text.
  const indent = ' '.repeat(3 + 1 + 13 + 2);
  // Deck text is data: shown, never obeyed, and measured as shown.
  const fit = (text: string) => truncate(visible(text.replace(/\s+/g, ' ')), width - indent.length);
  const day = (iso: string) => {
    const d = new Date(iso);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
  };
  const lines = [theme.heading(visible(name))];
  for (const { note, cards } of shown) {
    lines.push('');
    const head = `${String(note.order).padStart(3)} ${visible(note.id).padEnd(13)}`;
    if (note.kind === 'vocab') {
      const { term, gloss } = termAndGloss(note);
      const extra = [note.pinyin, note.pos].filter(Boolean).join(', ');
      lines.push(`${head}  ${theme.zh(fit(`${term}${extra ? ` (${extra})` : ''} — ${gloss}`))}`);
      if (note.note) lines.push(indent + theme.dim(fit(note.note)));
      if (note.context) lines.push(indent + theme.dim(fit(`↳ ${marked(note, 'zh')}`)), indent + theme.dim(fit(`  ${marked(note, 'en')}`)));
    } else {
      lines.push(`${head}  ${theme.zh(fit(note.zh))}`, indent + theme.en(fit(note.en)));
    }
    for (const c of cards) {
      const when = c.due ? `  due ${day(c.due)}${Date.parse(c.due) <= now.getTime() ? theme.warn(' (now)') : ''}` : '';
      const stability = c.stability !== null ? `  stability ${c.stability.toFixed(1)} d` : '';
      lines.push(`${indent}${theme.dim(c.direction)} ${c.state.padEnd(10)}${when}${stability}`.trimEnd());
    }
  }
  return lines.join('\n');
}
