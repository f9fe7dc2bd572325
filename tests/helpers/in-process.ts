import type { Host } from '../../src/cli/context.js';
import { run } from '../../src/cli/main.js';
import { wantsColor } from '../../src/ui/io.js';
import { readKeys } from '../../src/ui/keys.js';
import type { Prompter } from '../../src/ui/prompter.js';
import { visible } from '../../src/ui/escape.js';
import { createTestIO, type TestIO, type TestIOOptions } from './test-io.js';
import { tempHome } from './cli.js';

export interface InProcessOptions {
  home?: string;
  env?: Record<string, string>;
  /** Answers to the questions the command is expected to ask, in order. */
  answers?: ScriptedAnswer[];
  /** The IO, for a test that types while the command runs; else one made from `terminal`. */
  io?: TestIO;
  terminal?: Omit<TestIOOptions, 'color'>;
}

export interface InProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * What `parley()` gives the built CLI, in this process: the environment (no colour unless asked,
 * PARLEY_HOME from `home`), the IO, scripted answers, and keys read from the IO's standard input.
 * Colour follows the environment and --no-color as on a real terminal.
 */
export function testHost(io: TestIO, options: InProcessOptions = {}): Host {
  // A test that names no home must never reach the real one (~/.config/parley): the default is a
  // fresh directory (os.homedir() is the process's HOME, whatever env says, so that is not enough).
  const env: NodeJS.ProcessEnv = { NO_COLOR: '1', XDG_CONFIG_HOME: tempHome(), ...options.env };
  if (options.home) env.PARLEY_HOME = options.home;
  return {
    env,
    dist: new URL('../../dist/', import.meta.url),
    io: (color) => Object.assign(io, { color: wantsColor(io.stdout, env, color) }),
    prompter: () => scriptedPrompter(options.answers),
    keys: (io) => readKeys(io.stdin, io.stdout),
  };
}

/** Runs `parley ARGS…` in this process, through the real command tree and exit codes; no build needed. */
export async function parleyIn(args: string[], options: InProcessOptions & { input?: string } = {}): Promise<InProcessResult> {
  const io = options.io ?? createTestIO({ input: options.input ?? '', ...options.terminal });
  const code = await run(args, testHost(io, options));
  return { code, stdout: io.stdoutText(), stderr: io.stderrText() };
}

/** One answer a scripted prompter gives: to the question whose message matches `message`. */
export interface ScriptedAnswer {
  message: RegExp;
  answer: boolean;
}

/**
 * For tests: the answers, in order, given up front, each to a question whose message as the user
 * would see it matches. A question with no answer left, or another one, fails the command as a
 * bug would.
 */
export function scriptedPrompter(answers: readonly ScriptedAnswer[] = []): Prompter {
  const left = [...answers];
  return {
    async confirm(question) {
      const message = visible(question.message);
      const next = left.shift();
      if (!next || !next.message.test(message)) throw new Error(`unexpected question: ${message}`);
      return next.answer;
    },
  };
}
