import type { Context } from '../cli/context.js';
import { UserError } from '../core/errors.js';
import { decodeArticle } from '../core/text/decode.js';
import { plural } from '../core/text/plural.js';
import { normalizeWord, wordsOfList } from '../core/vocab/known-words.js';
import { addKnown, learntKnown, saidKnown } from '../store/known.js';
import { guessEncoding } from './import/guess-encoding.js';
import { readSource } from './import/read-source.js';

interface JsonOption {
  json?: boolean;
}

function added(ctx: Context, fresh: readonly string[], given: number): void {
  const already = given - fresh.length;
  ctx.io.out(`known: added ${plural(fresh.length, 'word')}${already ? ` (${plural(already, 'was', 'were')} known already)` : ''}; parley will not suggest ${fresh.length === 1 && !already ? 'it' : 'them'}`);
}

/** `parley known add WORD…`: words never to suggest again. */
export async function add(_options: unknown, args: string[], ctx: Context): Promise<void> {
  const words = args.map((arg) => {
    const word = normalizeWord(arg);
    if (word === undefined) throw new UserError(`"${arg}" is not a word`, 'give words of letters or Chinese characters, e.g. `parley known add 安全 security`', 2);
    return word;
  });
  const unique = [...new Set(words)];
  added(ctx, addKnown(await ctx.store(), unique), unique.length);
}

/** `parley known import FILE`: a word list, one word a line (or a table whose first column is the word, such as an HSK list). */
export async function importList(options: { encoding?: string }, args: string[], ctx: Context): Promise<void> {
  const source = readSource(args[0]!, ctx.io);
  const { words, skipped } = wordsOfList(decodeArticle(source.bytes, options.encoding, source.label, guessEncoding).text);
  if (words.length === 0) throw new UserError(`${source.label} names no words`, 'give a list with one word a line (or a table whose first column is the word)');
  added(ctx, addKnown(await ctx.store(), words), words.length);
  if (skipped.length) {
    const shown = skipped.slice(0, 5).join(', ') + (skipped.length > 5 ? ', …' : '');
    ctx.io.err(`parley: passed over ${plural(skipped.length, 'line')} that name no word (${shown}) — check them if they should`);
  }
}

/** `parley known list`: the words said known, then those learnt (a vocabulary card stable for three weeks). */
export async function list(options: JsonOption, _args: string[], ctx: Context): Promise<void> {
  const store = ctx.homeExists() ? await ctx.store() : undefined;
  const said = store ? saidKnown(store.paths) : [];
  const saidSet = new Set(said);
  const learnt = store ? learntKnown(store).filter((w) => !saidSet.has(w)) : [];
  if (options.json) {
    ctx.io.out(JSON.stringify([...said.map((word) => ({ word, source: 'said' })), ...learnt.map((word) => ({ word, source: 'learnt' }))], null, 2));
    return;
  }
  if (!said.length && !learnt.length) {
    ctx.io.err('no known words yet — add some with `parley known add WORD…` or `parley known import FILE`');
    return;
  }
  for (const word of said) ctx.io.out(word);
  for (const word of learnt) ctx.io.out(word);
}
