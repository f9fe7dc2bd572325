import { resolve } from 'node:path';
import type { Context } from '../cli/context.js';
import { UserError } from '../core/errors.js';
import { shownPath } from '../core/system-error.js';
import { cardId, cardKinds } from '../core/deck/note.js';
import { ANKI_COLUMNS, ANKI_NOTETYPE } from '../core/export/anki.js';
import { EXPORT_FORMATS, exportDeck, parseFormat } from '../core/export/format.js';
import { reviewsCsv } from '../core/export/reviews-csv.js';
import { writeFileAtomic } from '../store/atomic.js';
import { ownFileAt } from '../store/home.js';
import { resolveDeck } from './deck-name.js';

export interface ExportOptions {
  format?: string;
  output?: string;
  reviews?: boolean;
  withSchedule?: boolean;
}

/** Writes the whole file or nothing: a failed export never leaves half a file behind. */
function writeOutput(path: string, text: string | Uint8Array): void {
  try {
    writeFileAtomic(resolve(path), text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UserError(`cannot write ${path} (${code})`, 'give -o a path in a directory you can write to');
  }
}

export async function run(options: ExportOptions, args: string[], ctx: Context): Promise<void> {
  const name = args[0];
  const own = options.output === undefined ? undefined : ownFileAt(ctx.paths, options.output);
  if (own) {
    throw new UserError(`-o ${shownPath(options.output!)} would replace ${shownPath(own)}, which belongs to your parley home`, 'write the export somewhere else');
  }
  if (options.withSchedule && options.format !== 'apkg') {
    throw new UserError('--with-schedule goes with --format apkg', 'add --format apkg, or leave --with-schedule out', 2);
  }
  if (options.format === 'apkg' && name) {
    const { exportApkg } = await import('./export-apkg.js');
    return exportApkg(name, options, ctx, writeOutput);
  }
  let text: string;
  let what: string;
  if (options.reviews) {
    const store = ctx.homeExists() ? await ctx.store() : undefined;
    let journal = store?.journal() ?? [];
    if (name) {
      const deck = resolveDeck(ctx.paths, name);
      const ids = new Set(deck.notes.flatMap((n) => cardKinds(n).map((kind) => cardId(n.id, kind))));
      journal = journal.filter((e) => e.type !== 'rename' && ids.has(e.cardId));
    }
    text = reviewsCsv(journal);
    what = `${text.split('\n').length - 2} reviews`;
  } else {
    // Wrong usage, like any other missing argument (exit 2).
    if (!name) throw new UserError('export needs a deck', 'give one, as in `parley export ai-safety --format anki`, or use --reviews', 2);
    if (!options.format) throw new UserError('export needs --format', `give one of: ${[...EXPORT_FORMATS, 'apkg'].join(', ')}`, 2);
    const format = parseFormat(options.format);
    const deck = resolveDeck(ctx.paths, name);
    text = exportDeck(deck, format);
    what = `${deck.notes.length} notes of "${deck.name}"`;
  }
  if (!options.output) {
    ctx.io.write(text);
    return;
  }
  writeOutput(options.output, text);
  const lines = [`Wrote ${what} to ${options.output}.`];
  if (options.format === 'anki' && !options.reviews) {
    lines.push(`In Anki: File › Import, into a note type "${ANKI_NOTETYPE}" with fields ${ANKI_COLUMNS.slice(0, -1).join(', ')}; importing again updates the notes.`);
  }
  ctx.io.out(lines.join('\n'));
}
