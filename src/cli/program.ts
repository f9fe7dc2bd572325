import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';

export { CommanderError };
import pkg from '../../package.json' with { type: 'json' };
import { MAX_SUGGESTIONS, STUDY_DIRECTIONS } from '../core/settings.js';
import type { IO } from '../ui/io.js';
import { createContext, finishPendingWork, type Context, type GlobalOptions, type Host } from './context.js';

const EXAMPLES = `
Examples:
  parley import article.txt             turn a bilingual article into a deck
  parley import article.txt --dry-run   show what would be imported, write nothing
  parley decks                          what is due today, per deck
  parley review                         today's session: due cards, then new ones
  parley review ai-safety --direction en-zh --new 5
  parley config set desiredRetention 0.92

Files live in $PARLEY_HOME (or --home DIR). Set NO_COLOR=1 for plain output.`;

function count(value: string): number {
  const n = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('Give a whole number such as 10.');
  return n;
}

/** As many suggested words as the suggestPerArticle setting allows: more would be the article's whole vocabulary. */
function suggestions(value: string): number {
  const n = count(value);
  if (n > MAX_SUGGESTIONS) throw new InvalidArgumentError(`Give a whole number from 0 to ${MAX_SUGGESTIONS}.`);
  return n;
}

/**
 * Every option value is checked before any command runs, so a wrong one is usage (exit 2) whatever
 * the command: an empty value (a script's unset variable, which for --home would quietly mean the
 * default home) is refused for every option that takes one, on top of the option's own check.
 */
function refuseEmptyValues(command: Command): void {
  for (const option of command.options) {
    if (!option.required) continue;
    const parse = option.parseArg;
    option.argParser(<T>(value: string, previous: T): T => {
      if (value.trim() === '') throw new InvalidArgumentError('It is empty.');
      return parse ? parse(value, previous) : (value as T);
    });
  }
  command.commands.forEach(refuseEmptyValues);
}

/** A usage error carries the command it belongs to, so the message can point at that command's help. */
export interface UsageError extends CommanderError {
  commandPath?: string;
}

function tagUsageErrors(command: Command, path: string): void {
  command.exitOverride((error: UsageError) => {
    error.commandPath ??= path;
    throw error;
  });
  for (const sub of command.commands) tagUsageErrors(sub, `${path} ${sub.name()}`);
}

type Action = (options: Record<string, unknown>, args: string[], ctx: Context) => Promise<void>;

/** Each command's module is imported only when that command runs, to keep start-up light. */
function lazyAction(host: Host, load: () => Promise<{ run: Action }>) {
  return async (...input: unknown[]) => {
    const command = input[input.length - 1] as Command;
    const globals = command.optsWithGlobals() as GlobalOptions & Record<string, unknown>;
    const ctx = createContext({ home: globals.home, color: globals.color }, host);
    await finishPendingWork(ctx.paths);
    const { run } = await load();
    await run(command.opts(), command.args, ctx);
    await ctx.close();
    // Every command, writing ones above all: a torn journal line a write cut off must not go unsaid.
    for (const warning of ctx.takeWarnings()) ctx.io.err(`parley: ${warning}`);
  };
}

/** The command tree; help goes to `messages`, and each command runs in a context `host` gives. */
export function buildProgram(host: Host, messages: Pick<IO, 'write'>): Command {
  const lazy = (load: () => Promise<{ run: Action }>) => lazyAction(host, load);
  const program = new Command('parley')
    .description('Flashcards from bilingual Chinese/English articles, reviewed daily with FSRS.')
    .version(pkg.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--home <dir>', 'parley home directory (default: $PARLEY_HOME or the platform config dir)')
    .option('--no-color', 'plain output without colour')
    .addHelpText('after', EXAMPLES)
    // Errors become one line in main.ts. The only other thing commander writes to stderr is the
    // help of a command group run bare (`parley deck`), which parley shows as help: on stdout.
    .configureOutput({ writeOut: (s) => messages.write(s), writeErr: (s) => messages.write(s), outputError: () => {} })
    .showSuggestionAfterError(true)
    .helpCommand(false);

  program
    .command('import')
    .description('turn bilingual articles into a deck of sentence pairs and vocabulary')
    .argument('<files...>', 'article files (text, Markdown or HTML), http(s) addresses of web pages, or - for standard input')
    .option('--deck <name>', 'deck to import into (default: the file name)')
    .option('--dry-run', 'show what would be imported and write nothing')
    .option('--json', 'print JSON')
    .option('--encoding <enc>', 'the file\'s encoding when guessing fails (utf-8, utf-16le, gb18030, …)')
    .option('--suggest <n>', `add up to N (0–${MAX_SUGGESTIONS}) vocabulary notes of words to learn, chosen from each article`, suggestions)
    .addHelpText('after', '\nExamples:\n  parley import article.txt\n  parley import https://example.com/bilingual-article.html\n  parley import a.txt b.txt --deck news\n  parley import article.txt --suggest 8\n  pbpaste | parley import - --deck today --dry-run')
    .action(lazy(() => import('../commands/import/index.js')));

  program
    .command('review')
    .description("today's session: cards that are due, then new ones")
    .argument('[decks...]', 'decks to study (default: all)')
    .addOption(new Option('--direction <dir>', 'which side prompts').choices(STUDY_DIRECTIONS))
    .option('--new <n>', 'new cards this session (default: what is left of newPerDay)', count)
    .option('--limit <n>', 'reviews this session (default: what is left of reviewsPerDay)', count)
    .option('--type', 'type the answer and have it checked')
    .option('--ahead <days>', 'also study cards due within this many days (cram)', count)
    .option('--speak', 'say each prompt aloud as it appears (as `config set speech auto`)')
    .addHelpText('after', '\nKeys: space/enter reveal, 1-4 grade, u undo, s suspend, b bury, p pinyin, v hear the card, q quit.\n\nExamples:\n  parley review\n  parley review ai-safety --direction en-zh --new 5\n  parley review --type --limit 20')
    .action(lazy(() => import('../commands/review/index.js')));

  program
    .command('decks')
    .description('list decks with what is new, learning and due today')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  parley decks --json')
    .action(lazy(() => import('../commands/decks.js')));

  const config = program
    .command('config')
    .description('show or change settings')
    .addHelpText('after', '\nExamples:\n  parley config list\n  parley config get newPerDay\n  parley config set desiredRetention 0.92');
  config
    .command('list')
    .description('every setting with its value')
    .option('--json', 'print JSON')
    .action(lazy(async () => ({ run: (await import('../commands/config.js')).list })));
  config
    .command('get <key>')
    .description('one setting')
    .option('--json', 'print JSON')
    .action(lazy(async () => ({ run: (await import('../commands/config.js')).get })));
  config
    .command('set <key> <value>')
    .description('change a setting (checked against its allowed range)')
    .action(lazy(async () => ({ run: (await import('../commands/config.js')).set })));

  program
    .command('stats')
    .description('today, retention, cards by state, recall, a review heatmap and a 30-day forecast')
    .argument('[deck]', 'one deck (default: all)')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  parley stats\n  parley stats ai-safety --json')
    .action(lazy(() => import('../commands/stats.js')));

  program
    .command('show')
    .description("a deck's notes in article order, with each card's state, due date and stability")
    .argument('<deck>', 'deck name')
    .addOption(new Option('--state <state>', 'only these cards').choices(['new', 'due', 'learning', 'review', 'suspended']))
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  parley show ai-safety\n  parley show ai-safety --state due')
    .action(lazy(() => import('../commands/show.js')));

  program
    .command('export')
    .description('a deck for Anki, a spreadsheet, a script or reading; or the review history')
    .argument('[deck]', 'deck name (with --reviews: only its reviews)')
    .addOption(new Option('--format <format>', 'the format of a deck').choices(['anki', 'apkg', 'csv', 'json', 'md']))
    .option('-o, --output <file>', 'write to FILE (atomically) instead of standard output')
    .option('--with-schedule', 'apkg: carry each card\'s FSRS state and the review history')
    .addOption(new Option('--reviews', "the review history as the FSRS optimizer's CSV").conflicts('format'))
    .addHelpText('after', '\nExamples:\n  parley export ai-safety --format anki -o ai-safety.txt\n  parley export ai-safety --format apkg --with-schedule -o ai-safety.apkg\n  parley export --reviews -o reviews.csv')
    .action(lazy(() => import('../commands/export.js')));

  program
    .command('optimize')
    .description('fit FSRS parameters to your review history')
    .option('--apply', 'store the fitted parameters')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  parley optimize\n  parley optimize --apply')
    .action(lazy(() => import('../commands/optimize.js')));

  program
    .command('sync')
    .description('sync this home with a git remote: commit, fetch, merge, push (see README "Two machines")')
    .argument('[remote]', 'a git URL or the path to a bare repository; remembered, so later just `parley sync`')
    .option('--status', 'fetch, then say what a sync would receive and send; change nothing')
    .addHelpText('after', '\nExamples:\n  parley sync git@example.com:me/parley-home.git\n  parley sync ~/Dropbox/parley.git\n  parley sync\n  parley sync --status')
    .action(lazy(() => import('../commands/sync.js')));

  const known = program
    .command('known')
    .description('words you know: parley never suggests them (`import --suggest`)')
    .addHelpText('after', '\nExamples:\n  parley known add 安全 security\n  parley known import hsk1.txt\n  parley known list');
  known
    .command('add <words...>')
    .description('add words you know')
    .action(lazy(async () => ({ run: (await import('../commands/known.js')).add })));
  known
    .command('import <file>')
    .description('add a word list: one word a line, or a table whose first column is the word (an HSK list)')
    .option('--encoding <enc>', 'the file\'s encoding when guessing fails (utf-8, gb18030, …)')
    .action(lazy(async () => ({ run: (await import('../commands/known.js')).importList })));
  known
    .command('list')
    .description('the words you said you know, then those your cards show you know')
    .option('--json', 'print JSON')
    .action(lazy(async () => ({ run: (await import('../commands/known.js')).list })));

  const deck = program
    .command('deck')
    .description('rename or delete a deck')
    .addHelpText('after', '\nExamples:\n  parley deck rename ai-safety "AI safety 2026"\n  parley deck delete ai-safety --yes');
  deck
    .command('rename <old> <new>')
    .description('rename a deck; its schedule and history go with it')
    .action(lazy(async () => ({ run: (await import('../commands/deck.js')).rename })));
  deck
    .command('delete <name>')
    .description('delete a deck file; its history stays, so a re-import restores it')
    .option('--yes', 'do not ask for confirmation')
    .action(lazy(async () => ({ run: (await import('../commands/deck.js')).remove })));

  program
    .command('suspend <noteId>')
    .description("keep a note's cards out of reviews (a unique id prefix will do; <noteId>:zh-en for one card)")
    .action(lazy(() => import('../commands/suspend.js')));
  program
    .command('unsuspend <noteId>')
    .description("bring a suspended note's cards back")
    .action(lazy(async () => ({ run: (await import('../commands/suspend.js')).unsuspend })));

  refuseEmptyValues(program);
  tagUsageErrors(program, 'parley');
  return program;
}
