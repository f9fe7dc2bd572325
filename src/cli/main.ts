import pkg from '../../package.json' with { type: 'json' };
import { UserError } from '../core/errors.js';
import { systemProblem } from '../core/system-error.js';
import { writeTo } from '../ui/io.js';
import type { UsageError } from './program.js';

const write = {
  out: (text: string) => writeTo(1, text),
  err: (text: string) => writeTo(2, text),
};

function usageLine(error: UsageError): string {
  const what = error.message.replace(/^error: /, '').replace(/\n/g, ' ').trim();
  return `parley: ${what} — run \`${error.commandPath ?? 'parley'} --help\` for how to use it\n`;
}

/** The one place errors become messages and exit codes (DESIGN: 0 ok, 1 input/data, 2 usage). */
export async function main(argv: string[]): Promise<number> {
  // The one answer that needs no command tree: keep it as fast as `node -e 0` allows.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    write.out(`${pkg.version}\n`);
    return 0;
  }
  const { buildProgram, CommanderError } = await import('./program.js');
  const program = buildProgram(write);
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return 0;
    }
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // 'commander.help': a command group run bare, its help shown (on stdout) as for bare `parley`.
      if (error.exitCode === 0 || ['commander.help', 'commander.helpDisplayed', 'commander.version'].includes(error.code)) return 0;
      write.err(usageLine(error));
      return 2;
    }
    if (error instanceof UserError) {
      write.err(`parley: ${error.message} — ${error.todo}\n`);
      return error.exitCode;
    }
    // The machine, not parley: a read-only or full disk, a file where a directory should be.
    const system = systemProblem(error);
    if (system) {
      write.err(`parley: ${system} — check that your parley home (and any file you named) is a writable directory with free space\n`);
      return 1;
    }
    // Ctrl+C inside an @inquirer prompt: the user asked to stop, nothing went wrong.
    if ((error as Error)?.name === 'ExitPromptError') return 130;
    write.err(`parley: unexpected error — this is a bug, please report it with the command you ran\n${(error as Error)?.stack ?? String(error)}\n`);
    return 70;
  }
}

process.on('SIGINT', () => process.exit(130));
