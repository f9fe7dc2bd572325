import pkg from '../../package.json' with { type: 'json' };
import { UserError } from '../core/errors.js';
import { systemProblem } from '../core/system-error.js';
import { OutputClosed, processIO } from '../ui/io.js';
import { readKeys } from '../ui/keys.js';
import { terminalPrompter } from '../ui/prompter.js';
import type { Host } from './context.js';
import type { UsageError } from './program.js';

function usageLine(error: UsageError): string {
  const what = error.message.replace(/^error: /, '').replace(/\n/g, ' ').trim();
  return `parley: ${what} — run \`${error.commandPath ?? 'parley'} --help\` for how to use it\n`;
}

/**
 * `parley ARGV…` in `host`: the one place errors become messages and exit codes (DESIGN: 0 ok,
 * 1 input/data, 2 usage), for the process and for in-process tests alike.
 */
export async function run(argv: string[], host: Host): Promise<number> {
  // Help, usage errors and failures are plain text whatever --no-color says.
  const messages = host.io(false);
  try {
    // The one answer that needs no command tree: keep it as fast as `node -e 0` allows.
    if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
      messages.write(`${pkg.version}\n`);
      return 0;
    }
    const { buildProgram } = await import('./program.js');
    const program = buildProgram(host, messages);
    if (argv.length === 0) {
      program.outputHelp();
      return 0;
    }
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    return failure(error, messages.err);
  }
}

/** The exit code for what a command threw, and the line that says why on standard error. */
async function failure(error: unknown, err: (text: string) => void): Promise<number> {
  // A reader of the output that went away (`parley decks | head`) is no error: nobody is left to tell.
  if (error instanceof OutputClosed) return 0;
  const { CommanderError } = await import('./program.js');
  if (error instanceof CommanderError) {
    // 'commander.help': a command group run bare, its help shown (on stdout) as for bare `parley`.
    if (error.exitCode === 0 || ['commander.help', 'commander.helpDisplayed', 'commander.version'].includes(error.code)) return 0;
    err(usageLine(error));
    return 2;
  }
  if (error instanceof UserError) {
    err(`parley: ${error.message} — ${error.todo}\n`);
    return error.exitCode;
  }
  // The machine, not parley: a read-only or full disk, a file where a directory should be.
  const system = systemProblem(error);
  if (system) {
    err(`parley: ${system} — check that your parley home (and any file you named) is a writable directory with free space\n`);
    return 1;
  }
  // Ctrl+C inside an @inquirer prompt: the user asked to stop, nothing went wrong.
  if ((error as Error)?.name === 'ExitPromptError') return 130;
  err(`parley: unexpected error — this is a bug, please report it with the command you ran\n${(error as Error)?.stack ?? String(error)}\n`);
  return 70;
}

/** parley in this process: its environment and standard streams, questions and keys on its terminal. */
function processHost(): Host {
  return {
    env: process.env,
    // This module is bundled into dist/cli.cjs.
    dist: new URL('./', import.meta.url),
    io: (color) => processIO(process.env, color),
    prompter: terminalPrompter,
    keys: (io) => readKeys(io.stdin, io.stdout),
  };
}

/**
 * parley as a process (bin/parley.js, through start.ts), which sets the exit code this returns.
 * Ctrl+C outside a prompt ends it at once with 130, as a shell expects; the review screen restores
 * the terminal on the way out.
 */
export function main(argv: string[]): Promise<number> {
  process.on('SIGINT', () => process.exit(130));
  return run(argv, processHost());
}
