import type { Grade } from '../../core/srs/card-state.js';
import { GRADE_NAMES, GRADES } from '../../core/srs/scheduler.js';
import { contextParts, termOf, type SentencePart } from '../../core/deck/cloze.js';
import type { Lang } from '../../core/deck/note.js';
import type { QueuedCard } from '../../core/srs/queue.js';
import { answerOf, promptOf, remaining, type SessionState, type SessionSummary } from '../../core/srs/session.js';
import { visible } from '../escape.js';
import { makeTheme, type Theme } from '../theme.js';
import { displayWidth, padEnd, truncate, truncateStart, wrap, wrapSpans, type Span } from '../width.js';
import { typingAnswer } from './bindings.js';

export interface ScreenSize {
  columns: number;
  /** Infinity on a terminal that scrolls (TERM=dumb): each frame as tall as it needs, nothing padded or dropped. */
  rows: number;
  color: boolean;
  /** Pinyin for Chinese text (undefined for a character the index lacks), asked for only while pinyin is shown. */
  pinyin?: (zh: string) => string | undefined;
  /**
   * The answer typed so far (`--type`), drawn on the last line: its end, then a cursor. Undefined
   * where the terminal echoes the typing itself (a cooked line on a dumb terminal): the label only.
   */
  typed?: string;
  /** A line about the session rather than the card (how to get speech), shown dim above the grades. */
  hint?: string;
}

const INDENT = '  ';
const TYPED_LINES = 3;

/** A block of body lines; when the screen is short, blocks with a higher `drop` go first. */
interface Block {
  lines: string[];
  drop: number;
}

function gradeColor(theme: Theme, grade: Grade): (s: string) => string {
  return [theme.bad, theme.warn, theme.good, theme.accent][grade - 1]!;
}

function header(state: SessionState, theme: Theme, columns: number): string {
  const card = state.showing?.card;
  const counts = remaining(state);
  const plain = [`new ${counts.fresh}`, `learn ${counts.learning}`, `due ${counts.review}`];
  const right = plain.join('  ');
  const tags = card ? `  ${card.direction}${card.cram ? '  cram' : ''}` : '';
  const room = columns - displayWidth(right) - displayWidth(tags) - 2;
  if (room < 4) return truncate(right, columns);
  const name = truncate(visible(card?.deckName ?? 'parley review'), room);
  const painted = [theme.accent(plain[0]!), theme.bad(plain[1]!), theme.good(plain[2]!)].join('  ');
  const left = theme.heading(name) + tags.replace('cram', theme.warn('cram'));
  return left + ' '.repeat(columns - displayWidth(name) - displayWidth(tags) - displayWidth(right)) + painted;
}

/** Card text is data: shown, never obeyed, and measured as shown. */
function paragraph(text: string, width: number, paint: (s: string) => string): string[] {
  return wrap(visible(text), width - INDENT.length).map((line) => INDENT + paint(line));
}

function spanLines(spans: readonly Span[], width: number): string[] {
  return wrapSpans(spans.map((s) => ({ ...s, text: visible(s.text) })), width - INDENT.length).map((line) => INDENT + line);
}

/**
 * A sentence with its term marked: in brackets, 【term】 in Chinese and [term] in English, so the
 * mark reads the same without colour (a pipe, NO_COLOR, TERM=dumb); in colour also in the one
 * colour that means "the term".
 */
function markedTerm(parts: readonly SentencePart[], lang: Lang, theme: Theme, paint: (s: string) => string): Span[] {
  const [open, close] = lang === 'zh' ? ['【', '】'] : ['[', ']'];
  return parts.map((p) => (p.term ? { text: `${open}${p.text}${close}`, paint: (s: string) => theme.accent.bold(s) } : { text: p.text, paint }));
}

const langPaint = (theme: Theme, lang: Lang) => (lang === 'zh' ? theme.zh : theme.en);

/** The first side of a card: the prompt, with a vocabulary card's part of speech and a cloze card's hint. */
function frontBlocks(card: QueuedCard, revealed: boolean, size: ScreenSize, theme: Theme): Block[] {
  const prompt = promptOf(card);
  const paint = langPaint(theme, prompt.lang);
  const { note } = card;
  const pos = note.kind === 'vocab' && note.pos ? [{ text: `  ${note.pos}`, paint: theme.dim }] : [];
  const parts = card.direction === 'cloze' ? contextParts(note) : undefined;
  if (parts?.some((p) => p.term)) {
    // Once the answer shows, the blank fills with the term, marked.
    const sentence = revealed ? markedTerm(parts, prompt.lang, theme, paint) : [{ text: prompt.text, paint }];
    return [
      { lines: spanLines(sentence, size.columns), drop: 0 },
      { lines: spanLines([{ text: 'hint: ', paint: theme.dim }, { text: termOf(note).lang === 'zh' ? note.en : note.zh, paint: theme.en }, ...pos], size.columns), drop: 0 },
    ];
  }
  return [{ lines: spanLines([{ text: prompt.text, paint }, ...pos], size.columns), drop: 0 }];
}

function bodyBlocks(state: SessionState, size: ScreenSize, theme: Theme): Block[] {
  const showing = state.showing;
  if (!showing) return [];
  const { card } = showing;
  const { note } = card;
  const width = size.columns;
  const prompt = promptOf(card);
  const answer = answerOf(card);
  const vocab = note.kind === 'vocab';
  const pinyinOf = (zh: string, always = false) => {
    if (!state.pinyin && !always) return [];
    const text = vocab && zh === note.zh && note.pinyin ? note.pinyin : size.pinyin?.(zh);
    return text ? paragraph(text, width, theme.dim) : [];
  };
  const blocks = frontBlocks(card, showing.revealed, size, theme);
  // A revealed cloze shows its whole sentence, the term filled in: the reading follows it.
  const shown = showing.revealed && card.direction === 'cloze' && note.context ? note.context.zh : prompt.text;
  if (prompt.lang === 'zh') blocks.push({ lines: pinyinOf(shown), drop: 3 });
  if (!showing.revealed) return blocks;

  blocks.push({ lines: [''], drop: 5 });
  blocks.push({ lines: paragraph(answer.text, width, langPaint(theme, answer.lang)), drop: 0 });
  // A word's reading is part of knowing it: its pinyin comes with the answer whatever `p` says.
  const termPinyin = vocab && termOf(note).lang === 'zh' && !(prompt.text === note.zh && state.pinyin);
  if (answer.lang === 'zh' || termPinyin) blocks.push({ lines: pinyinOf(answer.lang === 'zh' ? answer.text : note.zh, termPinyin), drop: 3 });
  if (showing.check) {
    const check = showing.check;
    const spans: Span[] = [{ text: 'typed: ', paint: theme.dim }];
    check.diff.forEach((part, i) => {
      if (i > 0) spans.push({ text: check.separator, paint: (s) => s });
      // Marked in text too, so the diff reads without colour.
      const text = visible(part.text);
      if (part.op === 'same') spans.push({ text, paint: (s) => s });
      else if (part.op === 'extra') spans.push({ text: `[-${text}-]`, paint: theme.bad });
      else spans.push({ text: `{+${text}+}`, paint: theme.good });
    });
    if (check.diff.length === 0) spans.push({ text: '(nothing)', paint: theme.dim });
    // A pasted essay is not worth a screen: its first lines say enough.
    const lines = wrapSpans(spans, width - INDENT.length).map((l) => INDENT + l);
    blocks.push({ lines: lines.length > TYPED_LINES ? [...lines.slice(0, TYPED_LINES), INDENT + theme.dim('...')] : lines, drop: 1 });
  }
  const noteText = vocab ? note.note : [note.pos && `(${note.pos})`, note.note].filter(Boolean).join(' ');
  if (noteText) blocks.push({ lines: ['', ...paragraph(`note: ${noteText}`, width, theme.dim)], drop: 2 });
  if (note.context) blocks.push({ lines: ['', ...contextLines(card, size, theme)], drop: 4 });
  return blocks;
}

/**
 * The context sentence pair under the answer, the term marked in its own language's sentence. A
 * cloze card has shown that sentence already, so only the translation is left to show.
 */
function contextLines(card: QueuedCard, size: ScreenSize, theme: Theme): string[] {
  const { zh, en } = card.note.context!;
  const parts = contextParts(card.note);
  const lang = termOf(card.note).lang;
  const marked = (side: Lang, text: string) =>
    parts && side === lang ? spanLines(markedTerm(parts, side, theme, theme.dim), size.columns) : paragraph(text, size.columns, theme.dim);
  if (card.direction === 'cloze' && parts?.some((p) => p.term)) return marked(lang === 'zh' ? 'en' : 'zh', lang === 'zh' ? en : zh);
  return [...marked('zh', zh), ...marked('en', en)];
}

/** `1 Again 10m  2 Hard 1d  3 Good 3d  4 Easy 8d`, on two lines when one does not fit. */
function gradeLines(state: SessionState, theme: Theme, columns: number): string[] {
  const preview = state.showing?.preview;
  if (!preview) return [];
  const suggested = state.showing?.check?.suggested;
  const items = GRADES.map((g) => {
    const plain = `${g} ${GRADE_NAMES[g]} ${preview[g].interval}`;
    const marked = g === suggested ? `>${plain}<` : plain;
    return { plain: marked, painted: gradeColor(theme, g)(g === suggested ? theme.heading(marked) : marked) };
  });
  const join = (list: typeof items) => ({ plain: list.map((i) => i.plain).join('  '), painted: list.map((i) => i.painted).join('  ') });
  const one = join(items);
  if (displayWidth(one.plain) <= columns) return [one.painted];
  const halves = [join(items.slice(0, 2)), join(items.slice(2))];
  if (halves.every((h) => displayWidth(h.plain) <= columns)) return halves.map((h) => h.painted);
  return items.map((i) => (displayWidth(i.plain) <= columns ? i.painted : truncate(i.plain, columns)));
}

/** The key help, as long as the width allows. */
function helpLine(state: SessionState, theme: Theme, columns: number): string {
  const showing = state.showing;
  const [long, short] = !showing
    ? ['', '']
    : !showing.revealed
      ? state.config.typeAnswers ? ['type the answer, enter  ', 'type+enter '] : ['space/enter show  ', 'spc show ']
      : showing.check ? ['enter accept  ', 'enter ok '] : ['', ''];
  const variants = [
    `${long}1-4 grade  u undo  s suspend  b bury  p pinyin  v hear  q quit`,
    `${long}1-4 grade  u undo  s susp  b bury  p py  v hear  q quit`,
    `${short}1-4 u s b p v q`,
  ];
  return theme.dim(variants.find((v) => displayWidth(v) <= columns) ?? truncate(variants.at(-1)!, columns));
}

const ANSWER_LABEL = 'Your answer: ';

/** The typed-answer line: however long the answer, one line showing its end. */
function answerLine(typed: string | undefined, theme: Theme, columns: number): string {
  if (typed === undefined) return ANSWER_LABEL;
  const room = columns - ANSWER_LABEL.length - 1;
  if (room < 1) return truncate(ANSWER_LABEL, columns);
  return theme.heading(ANSWER_LABEL) + truncateStart(visible(typed), room) + theme.dim('_');
}

/**
 * The review screen as one string of at most `rows` lines, none wider than `columns`: header, the
 * card, and at the bottom the grades, key help and the typed answer. When the screen is short,
 * the least needed parts go first (context, then pinyin, then the note), and the card text is cut last.
 */
export function renderReview(state: SessionState, size: ScreenSize): string {
  const theme = makeTheme(size.color);
  const columns = Math.max(10, size.columns);
  const top = [header(state, theme, columns), theme.dim('-'.repeat(columns))];
  const bottom = [
    ...(state.notice ? wrap(visible(state.notice), columns).map((l) => theme.warn(l)) : []),
    ...(size.hint ? [theme.dim(truncate(size.hint, columns))] : []),
    ...gradeLines(state, theme, columns),
    helpLine(state, theme, columns),
    ...(typingAnswer(state) ? [answerLine(size.typed, theme, columns)] : []),
  ];
  const room = Math.max(1, size.rows - top.length - bottom.length - 1);
  const blocks = bodyBlocks(state, { ...size, columns }, theme);
  const height = () => blocks.reduce((n, b) => n + b.lines.length, 0);
  for (const level of [5, 4, 3, 2, 1]) {
    if (height() <= room) break;
    for (const block of blocks) if (block.drop >= level) block.lines = [];
  }
  let body = ['', ...blocks.flatMap((b) => b.lines)];
  if (body.length > room) body = [...body.slice(0, room - 1), INDENT + theme.dim('...')];
  const screen = [...top, ...body];
  const gap = Number.isFinite(size.rows) ? Math.max(0, size.rows - screen.length - bottom.length) : 0;
  return [...screen, ...Array<string>(gap).fill(''), ...bottom].slice(0, Math.max(1, size.rows)).join('\n');
}

export interface SummaryFacts extends SessionSummary {
  dueTomorrow: number;
}

function duration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return minutes > 0 ? `${minutes} min ${seconds} s` : `${seconds} s`;
}

/** The end-of-session screen: what was done, how it went, what tomorrow holds. */
export function renderSummary(facts: SummaryFacts, size: { columns: number; color: boolean }): string {
  const theme = makeTheme(size.color);
  const rate = facts.done === 0 ? '-' : `${Math.round(facts.againRate * 100)}%`;
  const rows: Array<[string, string]> = [
    ['cards done', String(facts.done)],
    ['again', `${facts.again} (${rate})`],
    ['time', duration(facts.elapsedMs)],
    ['due tomorrow', String(facts.dueTomorrow)],
  ];
  if (facts.learningLater > 0) rows.push(['learning later today', String(facts.learningLater)]);
  const labelWidth = Math.max(...rows.map(([label]) => displayWidth(label)));
  const title = facts.done === 0 ? 'Nothing reviewed this time.' : 'Session done.';
  const lines = [theme.heading(truncate(title, size.columns))];
  for (const [label, value] of rows) {
    const line = `${INDENT}${padEnd(label, labelWidth)}  ${value}`;
    if (displayWidth(line) > size.columns) {
      lines.push(truncate(line, size.columns));
      continue;
    }
    const high = label === 'again' && facts.againRate > 0.2;
    lines.push(`${INDENT}${theme.dim(padEnd(label, labelWidth))}  ${high ? theme.warn(value) : value}`);
  }
  return lines.join('\n');
}
